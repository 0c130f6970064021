package dev.kconfig4j.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A Kconfig expression, as written after {@code depends on}, {@code if}, {@code default}...
 * Leaves are {@link Name}s of symbols (defined, undefined or constant); comparisons compare two
 * symbols' string values. Nodes are immutable and may be shared: an expression is syntax, and
 * what its names stand for (symbols, values) is the business of the layers above.
 */
public sealed interface Expr {

    /** A reference to a symbol (or a constant such as {@code y} or {@code "foo"}) by its name. */
    record Sym(Name name) implements Expr {
        @Override
        public String toString() {
            return name.toString();
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

    record Compare(CompareOp op, Name left, Name right) implements Expr {
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

    /** Whether {@code name} occurs anywhere in this expression. */
    default boolean mentions(Name name) {
        if (this instanceof Sym s) {
            return s.name() == name;
        } else if (this instanceof Not n) {
            return n.operand().mentions(name);
        } else if (this instanceof And a) {
            return a.left().mentions(name) || a.right().mentions(name);
        } else if (this instanceof Or o) {
            return o.left().mentions(name) || o.right().mentions(name);
        }
        Compare c = (Compare) this;
        return c.left() == name || c.right() == name;
    }

    /**
     * The operands of the {@code &&} chain {@code e}, left to right, however it is nested:
     * {@code A && (B && C)} gives A, B, C; an expression that is no {@code &&} is its only
     * operand; null (no condition) has none.
     */
    static List<Expr> conjuncts(Expr e) {
        List<Expr> out = new ArrayList<>();
        chain(e, true, out);
        return out;
    }

    /** The operands of the {@code ||} chain {@code e}, as {@link #conjuncts} does for {@code &&}. */
    static List<Expr> disjuncts(Expr e) {
        List<Expr> out = new ArrayList<>();
        chain(e, false, out);
        return out;
    }

    private static void chain(Expr e, boolean and, List<Expr> out) {
        if (and && e instanceof And a) {
            chain(a.left(), true, out);
            chain(a.right(), true, out);
        } else if (!and && e instanceof Or o) {
            chain(o.left(), false, out);
            chain(o.right(), false, out);
        } else if (e != null) {
            out.add(e);
        }
    }

    /**
     * Every name {@code e} mentions, in the order written, repeats included: both sides of a
     * comparison, constants ({@code y}, {@code "foo"}) and undefined symbols too, so that each
     * caller states which of them it wants. Null mentions none.
     */
    static List<Name> namesOf(Expr e) {
        List<Name> out = new ArrayList<>();
        collectNames(e, out);
        return out;
    }

    private static void collectNames(Expr e, List<Name> out) {
        if (e instanceof Sym s) {
            out.add(s.name());
        } else if (e instanceof Not n) {
            collectNames(n.operand(), out);
        } else if (e instanceof And a) {
            collectNames(a.left(), out);
            collectNames(a.right(), out);
        } else if (e instanceof Or o) {
            collectNames(o.left(), out);
            collectNames(o.right(), out);
        } else if (e instanceof Compare c) {
            out.add(c.left());
            out.add(c.right());
        }
    }

    /**
     * The conjuncts of {@code e} whose value is below {@code needed}, in order, repeats included:
     * what keeps a dependency from reaching {@code needed}. As {@code &&} takes the minimum,
     * {@code e} is below {@code needed} exactly when this list is not empty.
     *
     * @param value the value of an expression under the configuration in question
     */
    static List<Expr> failingConjuncts(Expr e, Function<Expr, Tristate> value, Tristate needed) {
        List<Expr> out = new ArrayList<>();
        for (Expr t : conjuncts(e)) {
            if (value.apply(t).compareTo(needed) < 0) {
                out.add(t);
            }
        }
        return out;
    }

    private static String paren(Expr e) {
        return (e instanceof And || e instanceof Or) ? "(" + e + ")" : e.toString();
    }
}
