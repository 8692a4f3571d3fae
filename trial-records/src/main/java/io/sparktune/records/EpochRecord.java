package io.sparktune.records;

/** One epoch of one training: mean training loss over its batches, validation score after it, wall seconds. */
public record EpochRecord(int epoch, double trainLoss, double validationScore, double seconds) {}
