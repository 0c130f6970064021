package dev.kconfig4j.upgrade;

import java.util.List;

/**
 * Why a value changed, in words a packager understands, with the symbols it involves.
 *
 * @param kind the kind of root cause
 * @param text one or two sentences, e.g. "HYPERV is bool in the new tree (it was tristate): m is not a valid value"
 * @param blockers the symbols whose values block the old value (e.g. the unmet dependency's symbols)
 */
public record Cause(Kind kind, String text, List<String> blockers) {

    public Cause {
        blockers = List.copyOf(blockers);
    }

    public static Cause of(Kind kind, String text) {
        return new Cause(kind, text, List.of());
    }

    /** The kinds of root cause the guard recognises. */
    public enum Kind {
        /** The symbol's type changed (tristate to bool, int to bool...): the old value is invalid. */
        TYPE_CHANGED,
        /** The config's value is not valid for the symbol's type, which did not change (text for an int). */
        INVALID_VALUE,
        /** A direct dependency is no longer met. */
        DEPENDENCY_NOT_MET,
        /** The dependencies hold but the prompt is hidden (prompt "x" if EXPERT, visible if). */
        PROMPT_HIDDEN,
        /** The symbol has no prompt: only defaults and selects set it, and none does now. */
        NOT_USER_SETTABLE,
        /** A select that used to force the value is gone or inactive. */
        SELECT_GONE,
        /** A select forces a value the user did not have. */
        SELECTED,
        /** The symbol is now a member of a choice, or its choice selects another member. */
        CHOICE,
        /** The value is outside the active range. */
        RANGE,
        /** The symbol was renamed (a transitional symbol or a likely successor). */
        RENAMED,
        /** The symbol was removed. */
        REMOVED,
        /** The user never set the symbol; it takes its default. */
        NEW_SYMBOL,
        /** The value is derived from the build environment (toolchain versions): a config cannot set it. */
        DERIVED,
        /** Caused by another finding (see the parent finding). */
        CASCADE,
        /** No specific cause was identified. */
        OTHER
    }
}
