package dev.kconfig4j.expr;

import dev.kconfig4j.symbol.Symbol;

/**
 * A Kconfig expression, as written after {@code depends on}, {@code if}, {@code default}...
 * Leaves are symbols (defined, undefined or constant); comparisons compare two symbols' string
 * values. Nodes are immutable and may be shared.
 */
public sealed interface Expr {

    /** A reference to a symbol (or a constant such as {@code y} or {@code "foo"}). */
    record Sym(Symbol symbol) implements Expr {
        @Override
        public String toString() {
            return symbol.toString();
        }
    }

    record Not(Expr operand) implements Expr {
        @Override
        public String toString() {
            return "!" + paren(operand);
        }
    }

    record And(Expr left, Expr right) implements Expr {
        @Override
        public String toString() {
            return paren(left) + " && " + paren(right);
        }
    }

    record Or(Expr left, Expr right) implements Expr {
        @Override
        public String toString() {
            return paren(left) + " || " + paren(right);
        }
    }

    record Compare(CompareOp op, Symbol left, Symbol right) implements Expr {
        @Override
        public String toString() {
            return left + op.text() + right;
        }
    }

    /** The comparison operators of the expression grammar. */
    enum CompareOp {
        EQUAL("="), UNEQUAL("!="), LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">=");

        private final String text;

        CompareOp(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** {@code a && b}, where a null side stands for "no condition" ({@code y}). */
    static Expr and(Expr a, Expr b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new And(a, b);
    }

    /** {@code a || b}, where a null side stands for "nothing yet" (the neutral element). */
    static Expr or(Expr a, Expr b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new Or(a, b);
    }

    /** Whether {@code symbol} occurs anywhere in this expression. */
    default boolean mentions(Symbol symbol) {
        if (this instanceof Sym s) {
            return s.symbol() == symbol;
        } else if (this instanceof Not n) {
            return n.operand().mentions(symbol);
        } else if (this instanceof And a) {
            return a.left().mentions(symbol) || a.right().mentions(symbol);
        } else if (this instanceof Or o) {
            return o.left().mentions(symbol) || o.right().mentions(symbol);
        }
        Compare c = (Compare) this;
        return c.left() == symbol || c.right() == symbol;
    }

    private static String paren(Expr e) {
        return (e instanceof And || e instanceof Or) ? "(" + e + ")" : e.toString();
    }
}
