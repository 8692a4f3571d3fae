/**
 * The training fast path: DL4J's arithmetic for plain dense networks with direct BLAS calls on off-heap buffers, and
 * optimizers DL4J lacks or runs slowly. Reached from outside only through
 * <ul>
 *   <li>{@link io.sparktune.worker.fastpath.BatchStep} (one optimisation step: this package's backprop where it
 *       applies, DL4J's {@code fit} otherwise),
 *   <li>{@link io.sparktune.worker.fastpath.Predictor} (a network's outputs, the same choice), and
 *   <li>the updater configurations {@link io.sparktune.worker.fastpath.FusedAdam} and
 *       {@link io.sparktune.worker.fastpath.HeavyBallMomentum}, which the updater factory
 *       ({@code io.sparktune.worker.net.Optimizers}) creates and DL4J instantiates.
 * </ul>
 * It depends on nothing of sparktune but the off-heap memory and BLAS helpers of {@code io.sparktune.worker.nd}.
 */
package io.sparktune.worker.fastpath;
