package dev.kconfig4j.symbol;

import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.parse.Location;

/**
 * A property of a symbol from one of its definitions. Every property's {@code condition} is
 * complete: its own {@code if} ANDed with the {@code depends on} of its entry and of every
 * enclosing {@code if}, {@code menu} and {@code choice}. A null condition means "always".
 */
public sealed interface Property {

    /** Where the property was written. */
    Location location();

    /** The definition (the entry it was written in) the property belongs to. */
    Definition definition();

    /** The complete condition; null for none. */
    Expr condition();

    /** {@code prompt "text" [if cond]}: makes the symbol visible, so the user may set it. */
    record Prompt(String text, Expr condition, Definition definition, Location location) implements Property {
    }

    /** {@code default value [if cond]}: the first one whose condition holds gives the value. */
    record Default(Expr value, Expr condition, Definition definition, Location location) implements Property {
    }

    /** {@code select target [if cond]}: a lower bound on {@code target}. */
    record Select(Symbol target, Expr condition, Definition definition, Location location) implements Property {
    }

    /** {@code imply target [if cond]}: a default-like lower bound that the user may override. */
    record Imply(Symbol target, Expr condition, Definition definition, Location location) implements Property {
    }

    /** {@code range low high [if cond]}: bounds for int and hex values. */
    record Range(Symbol low, Symbol high, Expr condition, Definition definition, Location location) implements Property {
    }
}
