package io.sparktune.space.searchspec;

import io.sparktune.space.SearchSpace;

/**
 * A validated search spec: what data, which task, how to search, the space to search and how to train.
 * Instances come from {@link SpecParser}, which checks every field and reports all problems at once.
 */
public record SearchSpec(
        String name, Task task, DataSpec data, SearchSettings search, SearchSpace space, TrainingSettings training) {}
