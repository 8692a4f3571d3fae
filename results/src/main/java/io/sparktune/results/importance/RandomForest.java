package io.sparktune.results.importance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.BaggingTrainer;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTJointRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * The random forest fANOVA decomposes, fitted with Tribuo as Optuna fits scikit-learn's
 * {@code RandomForestRegressor(n_estimators=64, max_depth=64, min_samples_split=2, min_samples_leaf=1)}: each tree a
 * CART regression tree on a bootstrap sample of the trials, every feature considered at every split (scikit-learn's
 * regressor default, {@code max_features=1.0}), splits at the midpoint between neighbouring values, mean squared error.
 * Tribuo's trees expose their split structure ({@link TreeModel#getRoot()}), which fANOVA walks.
 */
final class RandomForest {
    /** Optuna's {@code FanovaImportanceEvaluator} default. */
    static final int MAX_DEPTH = 64;
    /**
     * Tribuo logs through java.util.logging, a line per tree at INFO ("Building model 7"): quieted here. Held in a
     * field, as java.util.logging keeps loggers only weakly and would forget the level.
     */
    private static final Logger BAGGING_LOG = quiet(BaggingTrainer.class);

    private RandomForest() {}

    /** The fANOVA view of each tree of a forest of {@code trees} trees fitted on rows {@code x} → {@code y}. */
    static List<FanovaTree> fit(double[][] x, double[] y, double[][] bounds, int trees, long seed) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> dataset =
                new MutableDataset<>(new SimpleDataSourceProvenance("sparktune trials", factory), factory);
        String[] names = new String[bounds.length];
        for (int column = 0; column < names.length; column++) {
            names[column] = columnName(column);
        }
        for (int row = 0; row < x.length; row++) {
            dataset.add(new ArrayExample<>(new Regressor("score", y[row]), names, x[row]));
        }
        // minChildWeight 2: a node of one sample is a leaf (min_samples_split=2); no minimum impurity decrease
        CARTJointRegressionTrainer cart =
                new CARTJointRegressionTrainer(MAX_DEPTH, 2f, 0f, 1f, false, new MeanSquaredError(), false, seed);
        EnsembleModel<Regressor> forest =
                new BaggingTrainer<>(cart, new AveragingCombiner(), trees, seed).train(dataset);
        List<FanovaTree> fanovaTrees = new ArrayList<>();
        for (Model<Regressor> member : forest.getModels()) {
            fanovaTrees.add(new FanovaTree(
                    ((TreeModel<Regressor>) member).getRoot(), columnOf(member.getFeatureIDMap()), bounds));
        }
        return fanovaTrees;
    }

    private static Logger quiet(Class<?> logging) {
        Logger logger = Logger.getLogger(logging.getName());
        logger.setLevel(Level.WARNING);
        return logger;
    }

    /** Tribuo numbers features by name; the names sort as the columns do. */
    private static String columnName(int column) {
        return String.format(Locale.ROOT, "x%05d", column);
    }

    private static int[] columnOf(ImmutableFeatureMap features) {
        int[] columnOf = new int[features.size()];
        for (int id = 0; id < columnOf.length; id++) {
            columnOf[id] = Integer.parseInt(features.get(id).getName().substring(1));
        }
        return columnOf;
    }
}
