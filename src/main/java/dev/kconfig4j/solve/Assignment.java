package dev.kconfig4j.solve;

import dev.kconfig4j.symbol.Symbol;

/**
 * One line to add to a config: a new user value, or a change of one the config already has.
 *
 * @param symbol the symbol the line sets
 * @param value the value in .config form ({@code y}, {@code m}, {@code n}, a number, a quoted string)
 * @param previous the value the config already gave the symbol (its last line for it), or null when
 *     the config does not mention the symbol: then the line adds a value, otherwise it changes one
 */
public record Assignment(Symbol symbol, String value, String previous) {

    /** Whether the line changes a value the user already set. */
    public boolean changesUserValue() {
        return previous != null;
    }

    /** The line in .config syntax: {@code CONFIG_FOO=y}, or {@code # CONFIG_FOO is not set} for n. */
    public String line() {
        return symbol.type().isTristateLike() && value.equals("n") ? "# CONFIG_" + symbol.name() + " is not set"
                : "CONFIG_" + symbol.name() + "=" + value;
    }

    /** For people: {@code add FOO=y} or {@code change FOO from m to y}. */
    public String describe() {
        return previous == null ? "add " + symbol.name() + "=" + value
                : "change " + symbol.name() + " from " + previous + " to " + value;
    }
}
