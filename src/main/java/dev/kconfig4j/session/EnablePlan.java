package dev.kconfig4j.session;

import java.util.List;

/**
 * The smallest verified set of config lines that gives symbols the wanted values (the answer of
 * {@code kconfig4j enable} for the session's current values), as a diff of the configuration.
 *
 * @param requests what was asked ({@code FOO}, {@code FOO=m})
 * @param solved whether a plan exists
 * @param lines the config lines to apply ({@code CONFIG_X=y}); empty when already so
 * @param minimum whether no shorter plan exists (else none of its lines can be left out)
 * @param changes every value the plan changes, the lines' own and the consequences, before and after
 * @param conflict when unsolved, the rules that conflict, each with {@code file:line}
 * @param millis how long solving took
 */
public record EnablePlan(List<String> requests, boolean solved, List<String> lines, boolean minimum,
        List<Change.ValueChange> changes, List<String> conflict, long millis) {
    public EnablePlan {
        requests = List.copyOf(requests);
        lines = List.copyOf(lines);
        changes = List.copyOf(changes);
        conflict = List.copyOf(conflict);
    }
}
