package dev.kconfig4j.explain;

import java.util.List;

/**
 * Why one symbol has its value in one configuration: an immutable tree that the text and JSON
 * forms render (the JSON field names are the record components; see {@code docs/why.md}).
 *
 * <p>Expressions are printed the way the kernel shows them, with each symbol's current value:
 * {@code PCI [=n] && X86 [=y]}. Locations are {@code file:line}, files relative to the source
 * tree; the config file's lines are {@code config:line}.
 *
 * @param symbol the name without {@code CONFIG_} ({@code <choice "PROMPT">} for a nameless choice)
 * @param prompt the first prompt's text, or null
 * @param type {@code bool}, {@code tristate}, {@code int}, {@code hex}, {@code string} (or {@code unknown})
 * @param value the value: {@code n}/{@code m}/{@code y}, a number, or a string's text
 * @param written whether olddefconfig writes the symbol to {@code .config}
 * @param definedAt where the symbol is defined ({@code config FOO} lines)
 * @param user the config file's line for the symbol and what became of it; null when it has none
 * @param origin where the value came from
 * @param visibility whether, and how far, the user can set it
 * @param dependsOn the direct dependencies with their value; null when it has none
 * @param defaults every {@code default}, in the order they are tried
 * @param selects every {@code select} of this symbol by another one
 * @param implies every {@code imply} of this symbol by another one
 * @param ranges every {@code range} (int and hex)
 * @param choice the choice this symbol belongs to (or is), with its selection; null otherwise
 * @param bounds the lowest and highest value reachable from the config (bool and tristate); null otherwise
 * @param blockers what keeps the value from being changed (raised, or lowered), each with the
 *     explanations of the symbols in it; empty when the user can simply set it
 * @param advice what to write in the config: the value a blocked symbol above needs, when the config alone
 *     can give it; otherwise the values the config can choose from; null when the config cannot change it
 */
public record Explanation(String symbol, String prompt, String type, String value, boolean written,
        List<String> definedAt, UserLine user, Origin origin, Visibility visibility, Condition dependsOn,
        List<Contribution> defaults, List<Contribution> selects, List<Contribution> implies,
        List<Contribution> ranges, ChoiceState choice, Bounds bounds, List<Blocker> blockers, String advice) {

    public Explanation {
        definedAt = List.copyOf(definedAt);
        defaults = List.copyOf(defaults);
        selects = List.copyOf(selects);
        implies = List.copyOf(implies);
        ranges = List.copyOf(ranges);
        blockers = List.copyOf(blockers);
    }

    /**
     * The config file's assignment of the symbol.
     *
     * @param location {@code config:line} of the last assignment (the one that counts)
     * @param text the line as written
     * @param outcome what olddefconfig did with it
     * @param reason why, for every outcome but TAKEN (null then)
     */
    public record UserLine(String location, String text, Outcome outcome, String reason) {
    }

    /** What olddefconfig did with the config's value. */
    public enum Outcome {
        /** The value was taken as written. */
        TAKEN,
        /** Taken, but limited: m by an m-visible prompt, or clamped into the active range. */
        LIMITED,
        /** Taken, but a select raised it. */
        RAISED,
        /** Not taken: the symbol is not visible (or the choice chose another member). */
        IGNORED,
        /** Not a valid value for the symbol's type, or (up to 6.1) outside its range: dropped when read. */
        INVALID
    }

    /**
     * Where the value came from.
     *
     * @param kind the rule
     * @param text one line for people, with the values involved
     * @param location where the deciding property is written ({@code file:line} or {@code config:line}); null when none
     */
    public record Origin(OriginKind kind, String text, String location) {
    }

    /** The rule that gave the value. */
    public enum OriginKind {
        /** The config file's value. */
        USER,
        /** A {@code default} (the first whose condition holds). */
        DEFAULT,
        /** An {@code imply} raised the default. */
        IMPLY,
        /** A {@code select} forced it up (a lower bound on everything). */
        SELECT,
        /** The choice it belongs to selected it or another member. */
        CHOICE,
        /** A {@code transitional} symbol passing the config's value through. */
        TRANSITIONAL,
        /** Clamped into the active {@code range}. */
        RANGE,
        /** Nothing set it: no user value taken, no default, no select: n (or empty). */
        NONE
    }

    /**
     * A condition and its current value.
     *
     * @param location where it is written (null when it comes from several places)
     * @param expression the expression with each symbol's value ({@code y} for "always")
     * @param value its value, {@code n}/{@code m}/{@code y}
     */
    public record Condition(String location, String expression, String value) {
    }

    /**
     * How far the user can set the symbol.
     *
     * @param value the visibility: {@code n} (cannot be set), {@code m} (at most m), {@code y}
     * @param prompts each prompt with its complete condition (its own {@code if}, the dependencies,
     *     enclosing {@code menu}s' {@code visible if})
     */
    public record Visibility(String value, List<Condition> prompts) {
        public Visibility {
            prompts = List.copyOf(prompts);
        }
    }

    /**
     * One {@code default}, {@code select}, {@code imply} or {@code range}, evaluated.
     *
     * @param location where it is written
     * @param from the selecting or implying symbol (null for defaults and ranges)
     * @param expression the default's value expression, or the range {@code low high}, with values; null for select/imply
     * @param condition its own {@code if} with values; null when it has none
     * @param value what it gives now: the default's value when active, the select's strength, {@code n} when inactive
     * @param state how it counted
     */
    public record Contribution(String location, String from, String expression, String condition, String value,
            State state) {
    }

    /** How a property counted. */
    public enum State {
        /** This default (or range) is the one in effect. */
        TAKEN,
        /** Tried before the one taken and skipped: its own condition is n. */
        CONDITION_N,
        /** Skipped: the dependencies of the entry that holds it are n. */
        DEPENDENCY_N,
        /** Never tried: an earlier default was taken. */
        NOT_REACHED,
        /** Would apply, but the value came from elsewhere (the user's value, the choice). */
        UNUSED,
        /** A select or imply in effect (its symbol and condition are not n). */
        ACTIVE,
        /** A select or imply not in effect: its symbol or its condition is n. */
        INACTIVE
    }

    /**
     * The choice a member belongs to (or that the symbol is).
     *
     * @param prompt the choice's prompt text
     * @param location where the choice is defined
     * @param selected the member it selects (null when none: the choice is not visible)
     * @param reason why that member: the config's line, the choice's default, the first visible member
     */
    public record ChoiceState(String prompt, String location, String selected, String reason) {
    }

    /**
     * The values reachable for a bool or tristate symbol from the config.
     *
     * @param min the lower bound selects give
     * @param max the highest value it can take (the visibility, or its fixed value when it is not visible)
     */
    public record Bounds(String min, String max) {
    }

    /**
     * A failing piece of a condition that keeps the value where it is.
     *
     * @param kind where the piece comes from
     * @param location where it is written
     * @param expression the smallest failing sub-expression, with values ({@code PCI [=n]})
     * @param value its current value
     * @param needs the least value it would need ({@code m}: anything but n; {@code y}), or for a select
     *     that holds the symbol up, the value the symbol cannot go down to ({@code n} or {@code m})
     * @param text one line for people
     * @param explainedAbove whether every symbol in it is explained higher up the tree (the text form
     *     then names it only briefly: a tristate gate at m shared by a whole subsystem, say)
     * @param because explanations of the symbols in it not explained already (recursively, as far as it helps)
     */
    public record Blocker(BlockerKind kind, String location, String expression, String value, String needs,
            String text, boolean explainedAbove, List<Explanation> because) {
        public Blocker {
            because = List.copyOf(because);
        }

        /** A blocker whose symbols, if any, are explained in {@code because}. */
        public Blocker(BlockerKind kind, String location, String expression, String value, String needs, String text,
                List<Explanation> because) {
            this(kind, location, expression, value, needs, text, false, because);
        }
    }

    /** Where a blocking condition comes from. */
    public enum BlockerKind {
        /** The symbol's own {@code depends on}. */
        DEPENDS_ON,
        /** An enclosing {@code if} block. */
        IF_BLOCK,
        /** The {@code depends on} of an enclosing {@code menu}. */
        MENU,
        /** The enclosing choice (its visibility or dependencies). */
        CHOICE,
        /** An enclosing menu's {@code visible if}. */
        VISIBLE_IF,
        /** The prompt's own {@code if}. */
        PROMPT_IF,
        /** The symbol has no prompt: only defaults and selects set it. */
        NO_PROMPT,
        /** A promptless symbol's default: the {@code if} of one skipped, or the value of the one taken. */
        DEFAULT,
        /** An active {@code select} holds it up. */
        SELECTED,
        /** The symbol is not defined in this tree (another architecture, or removed). */
        UNDEFINED
    }
}
