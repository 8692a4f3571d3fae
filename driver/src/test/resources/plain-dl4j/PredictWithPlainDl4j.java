import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads sparktune's model zips with DL4J alone, as README's "Load best.zip in plain DL4J" shows, and prints their
 * outputs. Compiled and run by PortableModelZipTest in a JVM without sparktune's classes (so not on sparktune's class
 * path itself). Arguments: pairs of MODEL.zip FEATURES.csv (one example per line, raw features comma-separated); for
 * each pair it prints "model MODEL.zip", then one line of space-separated outputs per example.
 */
public final class PredictWithPlainDl4j {
    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            System.out.println("model " + args[i]);
            // the network (with its optimizer state: loadUpdater = true) and the feature standardizer, if any
            Pair<MultiLayerNetwork, Normalizer> saved =
                    ModelSerializer.restoreMultiLayerNetworkAndNormalizer(new File(args[i]), true);
            MultiLayerNetwork net = saved.getFirst();
            INDArray features = Nd4j.create(read(Path.of(args[i + 1])));
            if (saved.getSecond() != null) {
                ((DataNormalization) saved.getSecond()).transform(features);   // as the training features were
            }
            INDArray outputs = net.output(features);   // class probabilities, or the regression prediction
            for (int row = 0; row < outputs.rows(); row++) {
                StringBuilder line = new StringBuilder();
                for (float value : outputs.getRow(row).toFloatVector()) {
                    line.append(line.length() == 0 ? "" : " ").append(value);
                }
                System.out.println(line);
            }
        }
    }

    private static float[][] read(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        float[][] rows = new float[lines.size()][];
        for (int i = 0; i < rows.length; i++) {
            String[] cells = lines.get(i).split(",");
            rows[i] = new float[cells.length];
            for (int j = 0; j < cells.length; j++) {
                rows[i][j] = Float.parseFloat(cells[j]);
            }
        }
        return rows;
    }
}
