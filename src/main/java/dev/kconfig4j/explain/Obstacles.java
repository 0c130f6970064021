package dev.kconfig4j.explain;

import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What keeps a symbol below a value under a configuration: the failing terms of its dependencies
 * or of its prompts' conditions, each once, each with the symbols that would have to change for it
 * to hold (in {@code A} A must rise, in {@code !A} it must fall, a comparison's symbols count as
 * they are; of an {@code &&} or {@code ||} only the parts that fail). The one answer to "what
 * blocks it" that {@code why} ({@link Explainer}), the upgrade guard's causes and the
 * configurators share.
 *
 * <pre>{@code
 * for (Obstacles.Term t : new Obstacles(config).ofDependencies(symbol, Tristate.MOD)) {
 *     print(t.term() + " = " + t.value() + ", blocked by " + t.symbols());
 * }
 * }</pre>
 */
public final class Obstacles {
    private final Configuration config;

    /** The obstacles under {@code config} (its current values). */
    public Obstacles(Configuration config) {
        this.config = config;
    }

    /** One failing term: its value, and the symbols in it that would have to change. */
    public static final class Term {
        private final Expr term;
        private final Tristate value;
        private final List<Leaf> leaves;

        private Term(Expr term, Tristate value, List<Leaf> leaves) {
            this.term = term;
            this.value = value;
            this.leaves = List.copyOf(leaves);
        }

        /** The term, as written in the condition (one of its top-level {@code &&} operands). */
        public Expr term() {
            return term;
        }

        /** Its value under the configuration: below what was needed. */
        public Tristate value() {
            return value;
        }

        /**
         * The symbols the tree defines that would have to change for the term to hold, in order,
         * each once (constants, which macros evaluated to, and symbols no Kconfig file of this
         * tree defines are left out: nothing can change them).
         */
        public List<Symbol> symbols() {
            Set<Symbol> out = new LinkedHashSet<>();
            for (Leaf l : leaves) {
                if (!l.symbol().isConstant() && l.symbol().isDefined()) {
                    out.add(l.symbol());
                }
            }
            return List.copyOf(out);
        }

        /** Every symbol the term needs changed, constants and undefined ones included, with the direction. */
        List<Leaf> leaves() {
            return leaves;
        }
    }

    /** A symbol of a failing term and what it would need: to rise, to fall, or (in a comparison) nothing stated. */
    record Leaf(Symbol symbol, Explainer.Goal goal) {
    }

    /** The smallest sub-expressions of {@code e} that keep it below {@code need}: its failing conjuncts, each once. */
    public List<Expr> failing(Expr e, Tristate need) {
        return Expr.failingConjuncts(e, config::eval, need).stream().distinct().toList();
    }

    /** The failing terms of {@code condition} for {@code need}; none when it holds or is absent. */
    public List<Term> of(Expr condition, Tristate need) {
        List<Term> out = new ArrayList<>();
        for (Expr t : failing(condition, need)) {
            out.add(term(t, need));
        }
        return out;
    }

    /** The failing terms of {@code s}'s dependencies ({@code depends on} and enclosing blocks) for {@code need}. */
    public List<Term> ofDependencies(Symbol s, Tristate need) {
        return of(s.directDependency(), need);
    }

    /** The failing terms of the conditions of {@code s}'s prompts for {@code need}, each once. */
    public List<Term> ofPrompts(Symbol s, Tristate need) {
        Map<Expr, Term> out = new LinkedHashMap<>();
        for (Property.Prompt p : s.prompts()) {
            for (Expr t : failing(p.condition(), need)) {
                out.computeIfAbsent(t, x -> term(x, need));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** {@code t}, one failing term for {@code need}, with its leaves. */
    Term term(Expr t, Tristate need) {
        List<Leaf> leaves = new ArrayList<>();
        leaves(t, Explainer.Direction.RAISE, need, leaves);
        return new Term(t, config.eval(t), leaves);
    }

    /**
     * The symbols a failing term depends on, with what each would need: {@code A} must rise,
     * {@code !A} must fall, a comparison's symbols are shown as they are.
     */
    private void leaves(Expr e, Explainer.Direction dir, Tristate bound, List<Leaf> out) {
        if (e instanceof Expr.Sym s) {
            out.add(new Leaf(config.symbol(s.name()), new Explainer.Goal(dir, bound)));
        } else if (e instanceof Expr.Not n) {
            leaves(n.operand(), dir == Explainer.Direction.RAISE ? Explainer.Direction.LOWER : Explainer.Direction.RAISE,
                    bound.not(), out);
        } else if (e instanceof Expr.And a) {
            for (Expr c : List.of(a.left(), a.right())) {
                if (fails(c, dir, bound)) {
                    leaves(c, dir, bound, out);
                }
            }
        } else if (e instanceof Expr.Or o) {
            for (Expr c : List.of(o.left(), o.right())) {
                if (fails(c, dir, bound)) {
                    leaves(c, dir, bound, out);
                }
            }
        } else if (e instanceof Expr.Compare c) {
            for (Symbol x : List.of(config.symbol(c.left()), config.symbol(c.right()))) {
                if (!x.isConstant() && x.isDefined()) { // an undefined "symbol" in a comparison is a literal
                    out.add(new Leaf(x, Explainer.Goal.NONE));
                }
            }
        }
    }

    private boolean fails(Expr e, Explainer.Direction dir, Tristate bound) {
        return dir == Explainer.Direction.RAISE ? config.eval(e).compareTo(bound) < 0 : config.eval(e).compareTo(bound) > 0;
    }
}
