/**
 * Reads Kconfig files into immutable syntax trees: tokens per line, statements and attributes,
 * following source statements. The trees hold names ({@link dev.kconfig4j.expr.Name}, interned in
 * the tree's {@link dev.kconfig4j.expr.Names}), never symbols: nothing is defined or valued here.
 *
 * <p>Depends on {@code preprocess} (macros are expanded while lexing), {@code expr},
 * {@code dialect} and {@code diagnostic}.
 */
package dev.kconfig4j.parse;
