package io.sparktune.results.report;

import io.sparktune.results.Leaderboard;
import io.sparktune.results.TrialRecord;
import io.sparktune.worker.TrialStatus;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in ranking of the hyperparameters by how strongly the score goes with each, used to choose the two the
 * heat map shows until fANOVA importance replaces it. Each hyperparameter splits the scored trials that have it into
 * groups: one per category, or for numbers up to 5 groups of about equal count by value (so a learning rate that is
 * best in the middle counts, not only a monotone one). Its strength is the Kruskal–Wallis effect size
 * η²_H = (H − k + 1) / (n − k) of those k groups of n trials (Tomczak and Tomczak, 2014): the share of the spread of
 * the score ranks that lies between the groups, less what k groups would get by chance, in [0, 1] (negative values,
 * below chance, count as 0). A choice whose every trial has a category of its own thus explains nothing, not
 * everything. It sees one hyperparameter at a time: one that matters only together with another ranks low.
 */
final class KruskalWallisRanking {
    /** Most groups a numeric hyperparameter is cut into. */
    static final int NUMERIC_GROUPS = 5;

    private KruskalWallisRanking() {
    }

    /** The two strongest hyperparameters, strongest first (fewer if the space has fewer); ties by name. */
    static List<String> topTwo(Leaderboard board) {
        return strengths(board).entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(2).map(Map.Entry::getKey).toList();
    }

    /** Each hyperparameter's η²_H, by name. */
    static Map<String, Double> strengths(Leaderboard board) {
        List<TrialRecord> scored = board.rows().stream().map(Leaderboard.Row::trial)
                .filter(t -> t.status() == TrialStatus.OK).toList();
        Map<String, Double> strengths = new LinkedHashMap<>();
        for (String name : board.paramNames()) {
            List<TrialRecord> having = scored.stream().filter(t -> t.params().get(name) != null).toList();
            List<Object> values = having.stream().map(t -> t.params().get(name)).toList();
            boolean numeric = values.stream().allMatch(v -> v instanceof Number);
            int[] groups = numeric ? numericGroups(values.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray())
                    : categories(values);
            strengths.put(name, effectSize(groups, ranks(having.stream().mapToDouble(TrialRecord::meanScore).toArray())));
        }
        return strengths;
    }

    /** η²_H of the {@code ranks} in {@code groups}; 0 unless there are at least 2 groups and more trials than groups. */
    static double effectSize(int[] groups, double[] ranks) {
        int n = ranks.length;
        int k = Arrays.stream(groups).max().orElse(-1) + 1;
        double mean = (n + 1) / 2.0;
        double total = Arrays.stream(ranks).map(r -> (r - mean) * (r - mean)).sum();
        if (k < 2 || n <= k || total == 0) {
            return 0;
        }
        double[] sums = new double[k];
        int[] sizes = new int[k];
        for (int i = 0; i < n; i++) {
            sums[groups[i]] += ranks[i];
            sizes[groups[i]]++;
        }
        double between = 0;
        for (int g = 0; g < k; g++) {
            between += sizes[g] == 0 ? 0 : sizes[g] * Math.pow(sums[g] / sizes[g] - mean, 2);
        }
        double h = (n - 1) * between / total; // the statistic with its correction for ties
        return Math.max(0, (h - k + 1) / (n - k));
    }

    /** Group of each value: up to {@link #NUMERIC_GROUPS} of about equal count, equal values always together. */
    private static int[] numericGroups(double[] values) {
        int count = (int) Math.min(Math.min(NUMERIC_GROUPS, Arrays.stream(values).distinct().count()),
                Math.max(2, values.length / 4));
        double[] ranks = ranks(values);
        int[] groups = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            groups[i] = (int) Math.min(count - 1, Math.floor((ranks[i] - 1) * count / values.length));
        }
        return renumbered(groups);
    }

    private static int[] categories(List<Object> values) {
        Map<String, Integer> index = new HashMap<>();
        return values.stream().mapToInt(v -> index.computeIfAbsent(String.valueOf(v), c -> index.size())).toArray();
    }

    /** The groups numbered 0, 1, … in order, without gaps (ties can leave a group empty). */
    private static int[] renumbered(int[] groups) {
        int[] used = Arrays.stream(groups).distinct().sorted().toArray();
        return Arrays.stream(groups).map(g -> Arrays.binarySearch(used, g)).toArray();
    }

    /** Ranks from 1, ties sharing their mean rank. */
    static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = (start + end) / 2.0 + 1;
            }
            start = end + 1;
        }
        return ranks;
    }
}
