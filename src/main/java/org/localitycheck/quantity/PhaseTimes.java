package org.localitycheck.quantity;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall-clock seconds of named phases, in the order they ran; each mark closes the phase since the previous one. */
public final class PhaseTimes {
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** Starts the clock again without recording (the time since the last mark belongs to no phase). */
    public void restart() {
        last = System.nanoTime();
    }

    /** Records the time since the previous mark (or restart) under {@code phase}, adding to an earlier record. */
    public void mark(String phase) {
        long now = System.nanoTime();
        seconds.merge(phase, (now - last) / 1e9, Double::sum);
        last = now;
    }

    public Map<String, Double> seconds() {
        return new LinkedHashMap<>(seconds);
    }
}
