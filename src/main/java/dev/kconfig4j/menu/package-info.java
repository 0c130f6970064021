/**
 * The menu tree built from the syntax tree; the one place where dependencies propagate to properties.
 *
 * <p>Depends on {@code parse}, {@code symbol}, {@code expr}, {@code dialect}, on
 * {@code confdata.SymbolHashOrder} (the kernel's order of recursive-dependency reports) and on the
 * root {@code Kconfig} ({@code MenuInfo}): the last two are cycles.
 */
package dev.kconfig4j.menu;
