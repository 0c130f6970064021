package dev.kconfig4j.symbol;

import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.parse.Location;

/**
 * One definition of a symbol: a {@code config}, {@code menuconfig} or {@code choice} entry. A
 * symbol defined in two places has two, in parse order; its properties each belong to one. The
 * entries of the menu tree are what implement it ({@code menu.Menu}): a symbol knows where and
 * under which dependencies it is defined, not how the menus around it are laid out.
 */
public interface Definition {

    /** Where the entry starts. */
    Location location();

    /** The entry's complete dependency: its own {@code depends on} and every enclosing block's; null for none. */
    Expr dependency();

    /** Whether the entry has a prompt. */
    boolean hasPrompt();

    /** The prompt's text, or null without one. */
    String promptText();

    /** The prompt's complete visibility condition (null: always visible). */
    Expr promptCondition();

    /** The entry's help text, or null. */
    String help();
}
