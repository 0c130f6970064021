/**
 * Symbols, their properties, and Configuration: the one place where a symbol's value is decided.
 *
 * <p>Depends on {@code expr}, {@code dialect}, {@code parse} (locations) and {@code menu} (a
 * symbol's definitions and a property's menu entry: a cycle with {@code menu} and {@code expr}).
 */
package dev.kconfig4j.symbol;
