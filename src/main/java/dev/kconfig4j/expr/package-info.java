/**
 * Kconfig expressions and the three-valued (n/m/y) logic they are evaluated in: the algebra of
 * expressions (their conjuncts, symbols, failing terms; printing and simplification).
 *
 * <p>Depends on {@code symbol}: an expression's leaves are symbols (a cycle with {@code symbol}).
 */
package dev.kconfig4j.expr;
