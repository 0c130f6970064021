package dev.kconfig4j.solve;

import dev.kconfig4j.parse.Location;
import java.util.List;

/**
 * Why no config gives the requested values: a minimal set of the tree's rules that together rule
 * the request out (an unsatisfiable core, in Kconfig terms).
 *
 * @param requests the requests that cannot hold together with the rules (all of them, or a subset)
 * @param reasons one line per rule of the core
 */
public record Conflict(List<Request> requests, List<Reason> reasons) {
    public Conflict {
        requests = List.copyOf(requests);
        reasons = List.copyOf(reasons);
    }

    /**
     * One rule of the core.
     *
     * @param text the rule, with current values: {@code FOO depends on BAR [=n]}
     * @param location where the rule is written, or null
     */
    public record Reason(String text, Location location) {
        @Override
        public String toString() {
            return location == null ? text : text + " (" + location + ")";
        }
    }
}
