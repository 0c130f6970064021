/**
 * Kconfig expressions and the three-valued (n/m/y) logic they are evaluated in: immutable
 * expressions whose leaves are interned {@link dev.kconfig4j.expr.Name}s, the table of a tree's
 * names ({@link dev.kconfig4j.expr.Names}), symbol types, and the algebra of expressions (their
 * conjuncts and disjuncts, the names they mention, the terms that fail under a valuation;
 * printing and simplification).
 *
 * <p>The bottom of the language's pipeline. Depends on no other package of kconfig4j. What a
 * name stands for (a symbol, its type, its value) is supplied from above through
 * {@link dev.kconfig4j.expr.NameTypes} and {@link dev.kconfig4j.expr.Valuation}.
 */
package dev.kconfig4j.expr;
