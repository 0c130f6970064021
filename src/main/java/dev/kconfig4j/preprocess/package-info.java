/**
 * The Kconfig macro language: expands {@code $(...)} references, user-defined variables and
 * functions and the built-in functions ({@code shell}, {@code info}, {@code warning-if},
 * {@code error-if}, {@code filename}, {@code lineno}) before the Kconfig text is parsed.
 */
package dev.kconfig4j.preprocess;
