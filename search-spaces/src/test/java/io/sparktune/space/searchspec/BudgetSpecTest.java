package io.sparktune.space.searchspec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BudgetSpecTest {
    private static final String EXAMPLE = "../examples/fashion-mlp.yaml";

    private static String withBudget(String budget) throws Exception {
        return Files.readString(Path.of(EXAMPLE)).replace("  seed: 42", "  seed: 42\n  budget: " + budget);
    }

    @Test
    void readsTheTimeAndScoreBudget() throws Exception {
        SearchBudget budget = SpecParser.parse(withBudget("{max_seconds: 600, target_score: 0.88}"), "b.yaml")
                .search()
                .budget();
        assertEquals(new SearchBudget(600, OptionalDouble.of(0.88)), budget);
        assertEquals(
                SearchBudget.NONE, SpecParser.parse(Path.of(EXAMPLE)).search().budget());
    }

    @Test
    void reportsBadBudgets() throws Exception {
        assertEquals(
                List.of(
                        "search.budget.max_seconds: must be > 0 (got -5)",
                        "search.budget.target_score: must be a number (got \"high\")",
                        "search.budget.trials: unknown key (expected one of max_seconds, target_score)"),
                TestSpecs.problems(withBudget("{max_seconds: -5, target_score: high, trials: 3}")).stream()
                        .sorted()
                        .toList());
    }
}
