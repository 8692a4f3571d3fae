package io.sparktune.worker.fastpath;

import io.sparktune.worker.nd.Blas;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A layer's parameters and gradients (views into the network's flat arrays) and its activation. */
record DenseParams(
        Blas.Matrix weights,
        INDArray bias,
        Blas.Matrix weightGradient,
        INDArray biasGradient,
        int inputs,
        int outputs,
        DenseActivation activation) {}
