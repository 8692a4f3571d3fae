package io.sparktune.results.optuna;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The lines of an Optuna {@code JournalFileStorage} log, one JSON operation each, as Optuna 3.1 writes and replays
 * them ({@code optuna/storages/_journal/storage.py}: {@code JournalOperation} and the {@code _apply_*} methods).
 * Trials are built the way {@code study.optimize} builds them — create, set each parameter with its distribution,
 * report intermediate values, set user attributes, finish with a state and value — so every Optuna tool that replays
 * its own journals replays this one. Ids are positions: the study is 0, trial ids count from 0 in creation order.
 */
final class OptunaJournal {
    static final int CREATE_STUDY = 0;
    static final int SET_STUDY_USER_ATTR = 2;
    static final int CREATE_TRIAL = 4;
    static final int SET_TRIAL_PARAM = 5;
    static final int SET_TRIAL_STATE_VALUES = 6;
    static final int SET_TRIAL_INTERMEDIATE_VALUE = 7;
    static final int SET_TRIAL_USER_ATTR = 8;
    /** {@code optuna.study.StudyDirection.MAXIMIZE}. */
    static final int MAXIMIZE = 2;

    private static final int STUDY_ID = 0;
    /**
     * The writer's id in every operation. Optuna only compares it with its own (a random UUID per process) to know
     * which operations it issued itself; a fixed id keeps the export reproducible.
     */
    private static final String WORKER_ID = "sparktune-export";
    /** Optuna's {@code datetime.isoformat(timespec="microseconds")}: local time without a zone. */
    private static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private final ObjectMapper mapper = new ObjectMapper();
    private final StringBuilder lines = new StringBuilder();
    private int trials;

    /** Creates the one study of the log, maximizing. */
    OptunaJournal(String studyName) {
        append(operation(CREATE_STUDY)
                .put("study_name", studyName)
                .set("directions", mapper.valueToTree(List.of(MAXIMIZE))));
    }

    void studyUserAttr(String key, Object value) {
        ObjectNode attr = mapper.createObjectNode().set(key, mapper.valueToTree(value));
        append(operation(SET_STUDY_USER_ATTR).put("study_id", STUDY_ID).set("user_attr", attr));
    }

    /** Creates a running trial; returns its id (its number too, the log holding one study). */
    int createTrial(LocalDateTime start) {
        append(operation(CREATE_TRIAL).put("study_id", STUDY_ID).put("datetime_start", ISO_MICROS.format(start)));
        return trials++;
    }

    /** Sets a parameter by its internal value ({@link OptunaDistributions#internalValue}) and distribution. */
    void trialParam(int trialId, String name, double internalValue, ObjectNode distribution) {
        append(operation(SET_TRIAL_PARAM)
                .put("trial_id", trialId)
                .put("param_name", name)
                .put("param_value_internal", internalValue)
                .put("distribution", json(distribution)));
    }

    void trialIntermediateValue(int trialId, int step, double value) {
        append(operation(SET_TRIAL_INTERMEDIATE_VALUE)
                .put("trial_id", trialId)
                .put("step", step)
                .put("intermediate_value", value));
    }

    void trialUserAttr(int trialId, String key, Object value) {
        ObjectNode attr = mapper.createObjectNode().set(key, mapper.valueToTree(value));
        append(operation(SET_TRIAL_USER_ATTR).put("trial_id", trialId).set("user_attr", attr));
    }

    /** Finishes a trial: its state and objective value ({@code null}: none, as for a failed trial). */
    void finishTrial(int trialId, OptunaTrialState state, Double value, LocalDateTime complete) {
        ObjectNode op =
                operation(SET_TRIAL_STATE_VALUES).put("trial_id", trialId).put("state", state.code());
        op.set("values", value == null ? mapper.nullNode() : mapper.valueToTree(List.of(value)));
        append(op.put("datetime_complete", ISO_MICROS.format(complete)));
    }

    /** The log: one operation per line, each line ended by a newline. */
    String text() {
        return lines.toString();
    }

    private ObjectNode operation(int opCode) {
        return mapper.createObjectNode().put("op_code", opCode).put("worker_id", WORKER_ID);
    }

    private void append(ObjectNode operation) {
        lines.append(json(operation)).append('\n');
    }

    private String json(ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
