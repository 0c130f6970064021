/**
 * Symbols, their properties, and Configuration: the one place where a symbol's value is decided.
 * A tree's {@link dev.kconfig4j.symbol.SymbolTable} has one {@link dev.kconfig4j.symbol.Symbol}
 * for each of its names, with the same id; a symbol's definitions are the entries that define it
 * ({@link dev.kconfig4j.symbol.Definition}, implemented by the menu tree's entries).
 *
 * <p>Depends on {@code expr}, {@code dialect} and {@code parse} (locations); not on {@code menu},
 * which is built over the symbols.
 */
package dev.kconfig4j.symbol;
