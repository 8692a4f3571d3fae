package io.sparktune.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The widths of a network's hidden layers, and their text form in candidates and leaderboards ({@code "128-64-32"}).
 */
public final class LayerWidths {
    /** Between two widths in the text form; a CSV- and shell-safe character that is no digit. */
    public static final String SEPARATOR = "-";

    private LayerWidths() {}

    public static String format(List<Integer> widths) {
        return widths.stream().map(String::valueOf).collect(Collectors.joining(SEPARATOR));
    }

    /** The widths in {@code text}; empty text means no hidden layer. */
    public static List<Integer> parse(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(SEPARATOR, -1)).map(Integer::valueOf).toList();
    }

    /**
     * {@code n} layers shrinking from {@code first} by {@code ratio} per layer: {@code round(first · ratio^i)}, at
     * least 1.
     */
    public static List<Integer> funnel(int n, int first, double ratio) {
        List<Integer> widths = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            widths.add((int) Math.max(1, Math.round(first * Math.pow(ratio, i))));
        }
        return widths;
    }
}
