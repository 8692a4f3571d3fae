package io.sparktune.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.results.TrialRecord;
import io.sparktune.results.importance.FanovaImportance;
import io.sparktune.results.importance.Importances;
import io.sparktune.results.importance.SyntheticTrials;
import io.sparktune.space.distribution.Distribution;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The report's importance section shows the shares {@link FanovaImportance} computes, in its order, and the notes. */
class ImportanceSectionTest {

    @Test
    void theSectionListsTheSharesLargestFirst() throws Exception {
        List<TrialRecord> trials = SyntheticTrials.sample(60, 2);
        Document page = page(trials, distributions());
        Importances expected = FanovaImportance.of(trials, SyntheticTrials.SPACE);
        NodeList rows = select(page, "//section[@id='importance']//tbody/tr");
        assertEquals(expected.params().size(), rows.getLength());
        for (int i = 0; i < rows.getLength(); i++) {
            NodeList cells = select(page, "//section[@id='importance']//tbody/tr[" + (i + 1) + "]/td");
            assertEquals(expected.params().get(i).name(), cells.item(0).getTextContent());
            assertEquals(
                    String.format(Locale.ROOT, "%.3f", expected.params().get(i).importance()),
                    cells.item(1).getTextContent());
        }
        assertEquals(
                "learning_rate",
                select(page, "//section[@id='importance']//tbody/tr[1]/td[1]")
                        .item(0)
                        .getTextContent());
        assertEquals(
                0, select(page, "//section[@id='importance']//p[@class='note']").getLength());
    }

    @Test
    void aSearchWithOneScoredTrialGetsTheNoteInsteadOfATable() throws Exception {
        Document page = page(new ArrayList<>(SyntheticTrials.sample(1, 2)), distributions());
        assertEquals(0, select(page, "//section[@id='importance']//table").getLength());
        NodeList notes = select(page, "//section[@id='importance']//p[@class='note']");
        assertEquals(1, notes.getLength());
        assertTrue(notes.item(0).getTextContent().startsWith("Importance needs at least 2 scored trials"));
    }

    private static Map<String, Distribution> distributions() {
        Map<String, Distribution> distributions = new TreeMap<>();
        SyntheticTrials.SPACE.dimensions().forEach((hp, d) -> distributions.put(hp.specName(), d));
        return distributions;
    }

    private static Document page(List<TrialRecord> trials, Map<String, Distribution> distributions) throws Exception {
        String html = HtmlReport.render("synthetic", "spec.yaml", "name: synthetic\n", distributions, trials, null);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static NodeList select(Document page, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, page, XPathConstants.NODESET);
    }
}
