package io.sparktune.space.spec;

/** One split of IDX data: an images file and a labels file (gzipped or not). */
public record DataFiles(String images, String labels) {
}
