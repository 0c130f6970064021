package dev.kconfig4j.menu;

import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.parse.Location;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.symbol.SymbolTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The kernel's rule for {@code transitional} symbols (7.x): such a symbol only passes an old
 * config's value on, so it may have a type and help and nothing else. Checked as the kernel checks
 * it (confirmed against conf 7.3), after the property warnings and the recursive-dependency check,
 * once for every definition of a transitional symbol, in menu order:
 * <ul>
 * <li>a definition with a dependency (its own {@code depends on}, or one it inherits from an
 * enclosing {@code menu}, {@code if} or {@code choice}) is an error at the definition's line,
 * unless that dependency is always true ({@code depends on y}, {@code if !n},
 * {@code A || !A});</li>
 * <li>otherwise the symbol's first prompt, default, select, imply or range, over all its
 * definitions in the order written, is an error at its line (so a bad property is reported once
 * per definition, at the same line).</li>
 * </ul>
 * Each error is {@code FILE:LINE: error: transitional symbols can only have help sections}; after
 * all of them the load fails.
 */
public final class TransitionalCheck {
    private TransitionalCheck() {
    }

    /** Reports every definition that breaks the rule to {@code err}; returns whether there was one. */
    public static boolean check(SymbolTable symbols, List<Menu> menusInOrder, Diagnostics err) {
        boolean found = false;
        for (Menu m : menusInOrder) {
            Symbol s = m.symbol();
            if (m.kind() != Menu.Kind.SYMBOL || s == null || !s.isTransitional()) {
                continue;
            }
            Location at = alwaysTrue(m.dependency(), symbols) ? firstProperty(s) : m.location();
            if (at != null) {
                err.report(Diagnostic.error(at.file(), at.line(), "error: transitional symbols can only have help sections"));
                found = true;
            }
        }
        return found;
    }

    /** Where the symbol's first property (other than its type and help) is written, or null. */
    private static Location firstProperty(Symbol s) {
        List<Property> all = new ArrayList<>();
        all.addAll(s.prompts());
        all.addAll(s.defaults());
        all.addAll(s.selects());
        all.addAll(s.implies());
        all.addAll(s.ranges());
        return all.stream()
                .min(Comparator.comparingInt((Property p) -> s.definitions().indexOf(p.definition()))
                        .thenComparingInt(p -> p.location().line()))
                .map(Property::location).orElse(null);
    }

    /** The value an expression folds to with the kernel's simplifications: y, n, or unknown. */
    private enum Fold { YES, NO, UNKNOWN }

    /** Whether a dependency (null: none) is no dependency at all once simplified as the kernel does. */
    private static boolean alwaysTrue(Expr dep, SymbolTable symbols) {
        return dep == null || fold(dep, symbols) == Fold.YES;
    }

    private static Fold fold(Expr e, SymbolTable symbols) {
        if (e instanceof Expr.Sym s) {
            return s.name() == symbols.names().yes() ? Fold.YES : s.name() == symbols.names().no() ? Fold.NO : Fold.UNKNOWN;
        }
        if (e instanceof Expr.Not n) {
            Fold f = fold(n.operand(), symbols);
            return f == Fold.YES ? Fold.NO : f == Fold.NO ? Fold.YES : Fold.UNKNOWN;
        }
        if (e instanceof Expr.And a) {
            Fold l = fold(a.left(), symbols);
            Fold r = fold(a.right(), symbols);
            return l == Fold.NO || r == Fold.NO ? Fold.NO : l == Fold.YES && r == Fold.YES ? Fold.YES : Fold.UNKNOWN;
        }
        if (e instanceof Expr.Or) {
            // A disjunction is true when one of its terms is, or when it holds a symbol and its
            // negation (A || B || !A); the kernel does not look further (!(A && B) || (A && B) stays).
            List<Expr> terms = new ArrayList<>();
            disjuncts(e, terms);
            boolean allNo = true;
            for (Expr t : terms) {
                Fold f = fold(t, symbols);
                if (f == Fold.YES || t instanceof Expr.Sym && terms.contains(new Expr.Not(t))) {
                    return Fold.YES;
                }
                allNo &= f == Fold.NO;
            }
            return allNo ? Fold.NO : Fold.UNKNOWN;
        }
        return Fold.UNKNOWN;
    }

    private static void disjuncts(Expr e, List<Expr> out) {
        if (e instanceof Expr.Or o) {
            disjuncts(o.left(), out);
            disjuncts(o.right(), out);
        } else {
            out.add(e);
        }
    }
}
