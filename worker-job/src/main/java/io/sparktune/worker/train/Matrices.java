package io.sparktune.worker.train;

import io.sparktune.worker.data.LabeledData;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Plain-array datasets as ND4J matrices. */
public final class Matrices {
    private Matrices() {
    }

    /** The features as a {@code rows × cols} float matrix. */
    public static INDArray features(LabeledData data) {
        return Nd4j.create(data.features(), new long[] {data.rows(), data.cols()}, 'c');
    }

    /** The labels one-hot encoded as a {@code rows × numClasses} float matrix. */
    public static INDArray oneHot(LabeledData data) {
        float[] oneHot = new float[data.rows() * data.numClasses()];
        for (int i = 0; i < data.rows(); i++) {
            oneHot[i * data.numClasses() + data.labels()[i]] = 1f;
        }
        return Nd4j.create(oneHot, new long[] {data.rows(), data.numClasses()}, 'c');
    }

    /** Fraction of rows whose highest output is the true class. */
    public static double accuracy(INDArray outputs, int[] labels) {
        INDArray predicted = outputs.argMax(1);
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += predicted.getInt(i) == labels[i] ? 1 : 0;
        }
        return (double) correct / labels.length;
    }
}
