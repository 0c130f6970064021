package dev.kconfig4j.solve;

import java.util.List;

/**
 * A verified answer: the lines to add, and what they do besides.
 *
 * @param assignments the lines, in menu order; never empty unless the request already holds
 * @param sideEffects every other value that changes in the resulting .config
 * @param minimum whether the solver proved that no smaller set of lines works in its model (the
 *     set is always irredundant: verification without any single line fails)
 */
public record Solution(List<Assignment> assignments, List<SideEffect> sideEffects, boolean minimum) {
    public Solution {
        assignments = List.copyOf(assignments);
        sideEffects = List.copyOf(sideEffects);
    }

    /** The lines in .config syntax. */
    public List<String> lines() {
        return assignments.stream().map(Assignment::line).toList();
    }

    /** The assignments that change a value the user already set. */
    public List<Assignment> changedUserValues() {
        return assignments.stream().filter(Assignment::changesUserValue).toList();
    }
}
