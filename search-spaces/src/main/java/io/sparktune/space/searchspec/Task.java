package io.sparktune.space.searchspec;

import java.util.Locale;

/** What the network predicts; decides the output layer, the loss and the default score. */
public enum Task {
    CLASSIFICATION,
    REGRESSION;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
