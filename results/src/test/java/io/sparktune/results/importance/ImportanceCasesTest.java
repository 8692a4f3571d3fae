package io.sparktune.results.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.TrialRecord;
import io.sparktune.results.importance.Importances.ParamImportance;
import io.sparktune.space.Candidate;
import io.sparktune.space.HyperParameter;
import io.sparktune.space.SearchSpace;
import io.sparktune.space.distribution.Choice;
import io.sparktune.space.distribution.Distribution;
import io.sparktune.space.distribution.Fixed;
import io.sparktune.space.distribution.IntRange;
import io.sparktune.space.distribution.Uniform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What counts (scored trials, latest records), conditional and fixed hyperparameters, and the notes. */
class ImportanceCasesTest {

    @Test
    void aConditionalHyperparameterCountsWhereItAppliesAndTheNoteSaysHowTheOthersCount() {
        SearchSpace space = SearchSpace.of(Map.<HyperParameter, Distribution>of(
                HyperParameter.OPTIMIZER, new Choice(List.of("sgd", "momentum")),
                HyperParameter.MOMENTUM, new Uniform(0.5, 0.99),
                HyperParameter.DROPOUT, new Uniform(0.0, 0.5)));
        Random random = new Random(5);
        List<TrialRecord> trials = new ArrayList<>();
        int withoutMomentum = 0;
        for (int i = 0; i < 80; i++) {
            SortedMap<String, Object> params = new TreeMap<>(Map.of("dropout", random.nextDouble() * 0.5));
            double score = 0.5;
            if (random.nextBoolean()) {
                double momentum = 0.5 + random.nextDouble() * 0.49;
                params.putAll(Map.of("optimizer", "momentum", "momentum", momentum));
                score += momentum - 0.745; // momentum matters where it applies; on average as much as sgd
            } else {
                params.put("optimizer", "sgd");
                withoutMomentum++;
            }
            trials.add(SyntheticTrials.scored(i, params, score));
        }
        Importances importances = FanovaImportance.of(trials, space);
        assertEquals("momentum", importances.params().get(0).name(), importances.toString());
        assertTrue(importances.of("momentum") > 0.8, importances.toString());
        assertTrue(importances.of("dropout") < 0.05, importances.toString());
        assertEquals(
                List.of("momentum has no value in " + withoutMomentum + " of 80 scored trials (it does not apply "
                        + "to them); they count with its default, 0.9."),
                importances.notes());
    }

    @Test
    void missingLayersCountAtTheLowEndAndAMissingChoiceAsNoneOfItsValues() {
        SearchSpace space = SearchSpace.of(Map.<HyperParameter, Distribution>of(
                HyperParameter.N_HIDDEN, new IntRange(1, 2),
                HyperParameter.NEURONS_PER_LAYER, new IntRange(8, 64),
                HyperParameter.ACTIVATION, new Choice(List.of("tanh", "elu"))));
        List<TrialRecord> trials = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            SortedMap<String, Object> params = new TreeMap<>(Map.of(
                    "n_hidden",
                    1 + i % 2,
                    "neurons_per_layer",
                    i % 2 == 0 ? String.valueOf(8 + i) : (8 + i) + "-" + (20 + i)));
            if (i > 0) {
                params.put("activation", i % 3 == 0 ? "tanh" : "elu");
            }
            trials.add(SyntheticTrials.scored(i, params, 0.1 * i));
        }
        Importances importances = FanovaImportance.of(trials, space);
        assertEquals(
                List.of("activation", "n_hidden", "neurons_per_layer[0]", "neurons_per_layer[1]"),
                importances.params().stream()
                        .map(ParamImportance::name)
                        .sorted()
                        .toList());
        assertTrue(
                importances
                        .notes()
                        .contains("activation has no value in 1 of 12 scored trials (it does not apply "
                                + "to them); they count as none of its values."),
                importances.notes().toString());
        assertTrue(
                importances
                        .notes()
                        .contains("neurons_per_layer[1] has no value in 6 of 12 scored trials (it does "
                                + "not apply to them); they count at the low end of its range, 8."),
                importances.notes().toString());
    }

    @Test
    void onlyScoredTrialsCountEachWithItsLatestRecord() {
        List<TrialRecord> journal = new ArrayList<>(SyntheticTrials.sample(12, 3));
        TrialRecord first = journal.get(0);
        journal.add(SyntheticTrials.scored(0, first.params(), 5.0).atRung(1, first)); // trial 0 again, a rung later
        journal.add(failed(12, first.params()));
        Importances importances = FanovaImportance.of(journal, SyntheticTrials.SPACE);
        assertEquals(12, importances.scoredTrials());
        assertEquals(13, importances.trials());
        assertTrue(importances.notes().isEmpty(), importances.notes().toString());
        assertFalse(
                importances.equals(FanovaImportance.of(journal.subList(0, 12), SyntheticTrials.SPACE)),
                "trial 0's later score counts");
    }

    @Test
    void fewTrialsGiveSharesWithANoteAndFewerThanTwoNone() {
        Importances few = FanovaImportance.of(SyntheticTrials.sample(5, 1), SyntheticTrials.SPACE);
        assertTrue(few.computed());
        assertEquals(4, few.params().size());
        assertEquals(
                List.of("Only 5 scored trials: a forest learns little from so few, so these shares are rough "
                        + "(they firm up from about 10 on)."),
                few.notes());

        List<TrialRecord> one = new ArrayList<>(SyntheticTrials.sample(1, 1));
        one.add(failed(1, one.get(0).params()));
        Importances none = FanovaImportance.of(one, SyntheticTrials.SPACE);
        assertFalse(none.computed());
        assertTrue(none.params().isEmpty());
        assertEquals(List.of("Importance needs at least 2 scored trials; this search has 1."), none.notes());
    }

    @Test
    void equalScoresShareNothingAndAFixedHyperparameterComesLastAtZero() {
        SearchSpace space = SearchSpace.of(Map.<HyperParameter, Distribution>of(
                HyperParameter.DROPOUT, new Uniform(0.0, 0.5),
                HyperParameter.BATCH_SIZE, new Fixed(32)));
        List<TrialRecord> trials = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            trials.add(SyntheticTrials.scored(i, new TreeMap<>(Map.of("dropout", i * 0.05, "batch_size", 32)), 0.7));
        }
        Importances importances = FanovaImportance.of(trials, space);
        assertEquals(
                List.of(new ParamImportance("dropout", 0, false), new ParamImportance("batch_size", 0, true)),
                importances.params());
        assertEquals(
                List.of("All 10 scored trials have the same score: there is no variance to share out."),
                importances.notes());
    }

    @Test
    void withoutASpecTheSpaceIsReadOffTheTrials() {
        Importances importances = FanovaImportance.withoutSpec(SyntheticTrials.sample(100, 7), 64, 0);
        assertEquals("learning_rate", importances.params().get(0).name(), importances.toString());
        assertTrue(importances.of("dropout") < 0.03, importances.toString());
        assertTrue(
                importances.notes().get(0).startsWith("The spec no longer parses"),
                importances.notes().toString());
    }

    private static TrialRecord failed(int number, Map<String, Object> params) {
        return TrialRecord.of(
                new Candidate(number, new TreeMap<>(params), 1L),
                List.of(new SplitResult(
                        number, 0, TrialStatus.FAILED, Double.NaN, 0, 0, 0.1, List.of(), "out of memory", "1@host")));
    }
}
