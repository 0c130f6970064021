/**
 * The Kconfig macro language: expands {@code $(...)} references, user-defined variables and
 * functions and the built-in functions ({@code shell}, {@code info}, {@code warning-if},
 * {@code error-if}, {@code filename}, {@code lineno}) before the Kconfig text is parsed.
 *
 * <p>Depends on nothing but the root {@code KconfigException} and {@code json} (the shell recording).
 */
package dev.kconfig4j.preprocess;
