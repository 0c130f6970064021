/**
 * Reads Kconfig files into immutable syntax trees: tokens per line, statements and attributes, following source statements.
 *
 * <p>Depends on {@code preprocess} (macros are expanded while lexing), {@code expr} and
 * {@code symbol} (the tree holds interned symbols) and the root {@code KconfigException}.
 */
package dev.kconfig4j.parse;
