package io.sparktune.driver;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Why a search stops dispatching before its trials are all done (time budget, target score, Ctrl-C). The first
 * reason wins. Trials still running at a stop are cancelled and not recorded.
 */
public final class StopRequest {
    private final AtomicReference<String> reason = new AtomicReference<>();

    /** Asks the search to stop; returns true if this call was the first to ask. */
    public boolean request(String why) {
        return reason.compareAndSet(null, why);
    }

    public boolean requested() {
        return reason.get() != null;
    }

    /** The reason of the first request, or null. */
    public String reason() {
        return reason.get();
    }
}
