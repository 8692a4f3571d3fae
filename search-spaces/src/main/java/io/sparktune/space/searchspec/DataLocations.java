package io.sparktune.space.searchspec;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a data location names a readable regular file. Plain paths (relative ones against the working
 * directory) and {@code file:} URIs are checked here; other schemes (hdfs:, s3a:, ...) can only be checked where
 * they are read.
 */
final class DataLocations {
    /** A URI scheme of two or more characters, so that a Windows drive letter is not taken for one. */
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]+):");

    private DataLocations() {}

    /** Null if {@code location} is usable (or cannot be checked here), else what is wrong with it. */
    static String problemWith(String location) {
        Path file;
        Matcher scheme = SCHEME.matcher(location);
        if (scheme.lookingAt()) {
            if (!scheme.group(1).toLowerCase(Locale.ROOT).equals("file")) {
                return null;
            }
            try {
                file = Path.of(URI.create(location));
            } catch (IllegalArgumentException | FileSystemNotFoundException e) {
                return "invalid file URI (" + location + ")";
            }
        } else {
            try {
                file = Path.of(location);
            } catch (InvalidPathException e) {
                return "invalid path (" + location + ")";
            }
        }
        if (!Files.exists(file)) {
            return "file not found (" + location + ")";
        }
        if (!Files.isRegularFile(file)) {
            return "not a regular file (" + location + ")";
        }
        return Files.isReadable(file) ? null : "file not readable (" + location + ")";
    }
}
