package io.sparktune.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The report page read as XML (it is well-formed), queried by XPath; and headless Chromium to render it. */
final class ReportPage {
    private static final String CHROMIUM = System.getProperty("chromium.binary", "chromium");
    private final Document page;

    private ReportPage(Document page) {
        this.page = page;
    }

    static ReportPage parse(Path html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setExpandEntityReferences(false);
        return new ReportPage(factory.newDocumentBuilder().parse(html.toFile()));
    }

    NodeList select(String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, page, XPathConstants.NODESET);
    }

    List<Element> elements(String xpath) throws Exception {
        NodeList nodes = select(xpath);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** How many {@code element}s (an XPath step) chart {@code chart} has. */
    int count(String chart, String element) throws Exception {
        return select("//svg[@data-chart='" + chart + "']//" + element).getLength();
    }

    List<String> texts(String xpath) throws Exception {
        return elements(xpath).stream().map(Element::getTextContent).toList();
    }

    /** Runs headless Chromium with {@code args} (a fresh profile each time); returns what it printed. */
    static String chromium(List<String> args) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
        command.addAll(args);
        Path stdout = Files.createTempFile(profile, "stdout", ".txt");
        Process chromium = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(chromium.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, chromium.exitValue());
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}
