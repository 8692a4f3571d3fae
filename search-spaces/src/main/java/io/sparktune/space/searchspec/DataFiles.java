package io.sparktune.space.searchspec;

/**
 * One split of the data: for {@code idx}, an images file and a labels file; for {@code csv}, one file ({@code path}).
 * The fields a format does not use are null.
 */
public record DataFiles(String images, String labels, String path) {

    public static DataFiles idx(String images, String labels) {
        return new DataFiles(images, labels, null);
    }

    public static DataFiles csv(String path) {
        return new DataFiles(null, null, path);
    }
}
