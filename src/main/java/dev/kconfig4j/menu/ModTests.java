package dev.kconfig4j.menu;

import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.dialect.Dialect;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Name;
import dev.kconfig4j.expr.NameTypes;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.parse.Attribute;
import dev.kconfig4j.parse.Location;
import dev.kconfig4j.parse.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The kernel's remark on a bool symbol compared with m: {@code O=m} is always n and
 * {@code O!=m} always y, and conf says so on standard output while it builds the menus,
 * {@code boolean symbol O tested for 'm'? test forced to 'n'} (or {@code 'y'}), in every mode
 * and even with {@code -s}. Each is a {@link Diagnostic.Severity#NOTE} at the line of the
 * condition. Only a test written {@code SYMBOL=m} or {@code SYMBOL!=m} ({@code "m"} too) in a
 * condition counts: not {@code m=O}, not a {@code default} value.
 *
 * <p>The order is the kernel's (confirmed with conf 5.10, 6.1, 6.12 and 7.3): the entries of a
 * block in order (a {@code source} is part of its block), each with its dependency (every
 * {@code depends on}, or an {@code if}'s condition) and then the condition of each property as
 * written (prompt, default, select, imply, range; a prompt's condition followed by the
 * {@code visible if} of each enclosing menu, innermost first, which so is remarked on once per
 * prompt); then the blocks inside those entries, one after the other. A condition's own tests
 * come left to right, or right to left from 6.12 ({@link Dialect#simplifiesRightToLeft()}).
 * What an entry inherits from its enclosing entries is not examined again.
 */
public final class ModTests {
    private final boolean rightToLeft;
    private final NameTypes types;
    private final Diagnostics out;

    private ModTests(Dialect dialect, NameTypes types, Diagnostics out) {
        this.rightToLeft = dialect.simplifiesRightToLeft();
        this.types = types;
        this.out = out;
    }

    /** Reports each test of a bool symbol against m in {@code syntax} to {@code out}. */
    public static void report(List<Statement> syntax, Dialect dialect, NameTypes types, Diagnostics out) {
        new ModTests(dialect, types, out).block(syntax, List.of());
    }

    /** One written condition (a {@code depends on}, an {@code if}, a property's or a {@code visible if}), with its line. */
    private record Condition(Expr expr, Location at) {
    }

    /** @param visibleIfs the {@code visible if} conditions of the enclosing menus, innermost first */
    private void block(List<Statement> body, List<Condition> visibleIfs) {
        List<Statement> entries = new ArrayList<>();
        flatten(body, entries);
        for (Statement e : entries) {
            entry(e, visibleIfs);
        }
        for (Statement e : entries) {
            if (e instanceof Statement.MenuBlock m) {
                block(m.body(), withOwn(visibleIfs, m.attributes()));
            } else if (e instanceof Statement.If i) {
                block(i.body(), visibleIfs);
            } else if (e instanceof Statement.Choice c) {
                block(c.body(), visibleIfs);
            }
        }
    }

    private static void flatten(List<Statement> body, List<Statement> into) {
        for (Statement s : body) {
            if (s instanceof Statement.Source src) {
                flatten(src.body(), into);
            } else {
                into.add(s);
            }
        }
    }

    private static List<Condition> withOwn(List<Condition> enclosing, List<Attribute> attributes) {
        List<Condition> all = new ArrayList<>();
        for (Attribute a : attributes) {
            if (a instanceof Attribute.VisibleIf v) {
                all.add(new Condition(v.condition(), v.location()));
            }
        }
        all.addAll(enclosing);
        return all;
    }

    private void entry(Statement e, List<Condition> visibleIfs) {
        if (e instanceof Statement.Config c) {
            dependency(c.attributes());
            properties(c.attributes(), visibleIfs);
        } else if (e instanceof Statement.Choice c) {
            dependency(c.attributes());
            properties(c.attributes(), visibleIfs);
        } else if (e instanceof Statement.MenuBlock m) {
            dependency(m.attributes());
        } else if (e instanceof Statement.Comment c) {
            dependency(c.attributes());
        } else if (e instanceof Statement.If i) {
            condition(List.of(new Condition(i.condition(), i.location())));
        }
    }

    /** Every {@code depends on} of the entry, as one condition. */
    private void dependency(List<Attribute> attributes) {
        List<Condition> deps = new ArrayList<>();
        for (Attribute a : attributes) {
            if (a instanceof Attribute.DependsOn d) {
                deps.add(new Condition(d.condition(), d.location()));
            }
        }
        condition(deps);
    }

    private void properties(List<Attribute> attributes, List<Condition> visibleIfs) {
        for (Attribute a : attributes) {
            if (a instanceof Attribute.TypeDecl t && t.prompt() != null) {
                prompt(t.condition(), t.location(), visibleIfs);
            } else if (a instanceof Attribute.Prompt p) {
                prompt(p.condition(), p.location(), visibleIfs);
            } else if (a instanceof Attribute.Default d) {
                condition(one(d.condition(), d.location()));
            } else if (a instanceof Attribute.Select sel) {
                condition(one(sel.condition(), sel.location()));
            } else if (a instanceof Attribute.Imply i) {
                condition(one(i.condition(), i.location()));
            } else if (a instanceof Attribute.Range r) {
                condition(one(r.condition(), r.location()));
            }
        }
    }

    private void prompt(Expr condition, Location at, List<Condition> visibleIfs) {
        List<Condition> all = new ArrayList<>(one(condition, at));
        all.addAll(visibleIfs);
        condition(all);
    }

    private static List<Condition> one(Expr expr, Location at) {
        return expr == null ? List.of() : List.of(new Condition(expr, at));
    }

    /** The conjunction of {@code parts}, as the kernel examines it. */
    private void condition(List<Condition> parts) {
        List<Diagnostic> found = new ArrayList<>();
        for (Condition c : parts) {
            tests(c.expr(), c.at(), found);
        }
        if (rightToLeft) {
            Collections.reverse(found);
        }
        found.forEach(out::report);
    }

    private void tests(Expr e, Location at, List<Diagnostic> found) {
        if (e instanceof Expr.Not n) {
            tests(n.operand(), at, found);
        } else if (e instanceof Expr.And a) {
            tests(a.left(), at, found);
            tests(a.right(), at, found);
        } else if (e instanceof Expr.Or o) {
            tests(o.left(), at, found);
            tests(o.right(), at, found);
        } else if (e instanceof Expr.Compare c && isBool(c.left()) && isMod(c.right())
                && (c.op() == Expr.CompareOp.EQUAL || c.op() == Expr.CompareOp.UNEQUAL)) {
            String forced = c.op() == Expr.CompareOp.EQUAL ? "n" : "y";
            found.add(Diagnostic.note(at.file(), at.line(), "boolean symbol " + c.left().text()
                    + " tested for 'm'? test forced to '" + forced + "'"));
        }
    }

    private boolean isBool(Name s) {
        return !s.isConstant() && types.typeOf(s) == Type.BOOL;
    }

    private static boolean isMod(Name s) {
        return s.isConstant("m");
    }
}
