package io.sparktune.space.searchspec;

/**
 * Argument checks of the settings records' constructors, which guard settings built in code (the reader checks first).
 */
final class SettingChecks {
    private SettingChecks() {}

    /**
     * {@code value} of the setting {@code key}, or an {@link IllegalArgumentException} naming it if outside [min, max].
     */
    static int inRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be in [" + min + ", " + max + "] (got " + value + ")");
        }
        return value;
    }
}
