package dev.kconfig4j.menu;

import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.dialect.Dialect;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.parse.Location;
import dev.kconfig4j.symbol.Definition;
import dev.kconfig4j.symbol.Numbers;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.symbol.SymbolTable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The kernel's sanity warnings about properties that cannot work as written, printed once per
 * symbol when a tree is loaded: a symbol defined without a type, a range or numeric default
 * naming something that is not a number ({@code range 1 NR_CPUS} where NR_CPUS does not exist), a
 * default of a string/int/hex symbol that is an expression, a range on a non-number, a select on
 * or of a non-bool/tristate symbol; and up to 6.1 a choice member without a prompt or with a
 * default. They are warnings: the tree still loads. (6.12 refuses a member without a prompt when
 * parsing, and a member's default after these warnings.)
 *
 * <p>The order is the kernel's (checked against conf 5.10 to 7.3): the menu tree as restructured,
 * children before their parent, so the entries a symbol adopted (those after it that depend on
 * it) come before it; a choice's member warnings come after all its members' other warnings.
 */
public final class PropertyCheck {
    private PropertyCheck() {
    }

    /**
     * Prints the warnings; from 6.12 then refuses every default of a choice member with an error
     * ({@code defaults for choice values not supported}, at each default, in menu order) and
     * returns whether there was one: the caller fails the load after its other checks.
     */
    public static boolean warn(Menu root, SymbolTable symbols, Dialect dialect, Diagnostics err) {
        boolean strict = dialect.refusesBadChoiceMembers();
        walk(root, symbols, new HashSet<>(), !strict, err);
        return strict && refuseMemberDefaults(root, err);
    }

    private static boolean refuseMemberDefaults(Menu node, Diagnostics err) {
        boolean found = false;
        for (Menu k : node.children()) {
            if (node.kind() == Menu.Kind.CHOICE && k.kind() == Menu.Kind.SYMBOL) {
                for (Property.Default d : k.symbol().defaults()) {
                    if (d.definition() == k) {
                        err.report(Diagnostic.error(d.location().file(),
                                d.location().line(), "error: defaults for choice values not supported"));
                        found = true;
                    }
                }
            }
            found |= refuseMemberDefaults(k, err);
        }
        return found;
    }

    private static void walk(Menu node, SymbolTable symbols, Set<Symbol> done, boolean memberWarnings, Diagnostics err) {
        for (Menu k : node.children()) {
            walk(k, symbols, done, memberWarnings, err);
        }
        Symbol s = node.symbol();
        if (s == null) {
            return;
        }
        if (s.isChoice()) {
            if (memberWarnings) {
                for (Menu k : node.children()) {
                    checkChoiceMember(k, err);
                }
            }
            // A choice takes its type from its members; with none typed it has none (a broken
            // tree up to 6.1, where untyped members are allowed), warned about after them.
            if (s.type() == Type.UNKNOWN) {
                err.warning(node.location().file(),
                        node.location().line(), "config symbol defined without type");
            }
            if (memberWarnings && !node.hasPrompt()) {
                err.warning(node.location().file(), node.location().line(), "choice must have a prompt");
            }
        } else if (done.add(s)) {
            if (s.type() == Type.UNKNOWN) {
                err.warning(node.location().file(),
                        node.location().line(), "config symbol defined without type");
            }
            check(s, symbols, err);
        }
    }

    /** Up to 6.1 a choice member without a prompt, or with a default of its own, is only warned about. */
    private static void checkChoiceMember(Menu member, Diagnostics err) {
        if (member.kind() != Menu.Kind.SYMBOL) {
            return;
        }
        if (!member.hasPrompt()) {
            err.warning(member.location().file(),
                    member.location().line(), "choice value must have a prompt");
        }
        for (Property.Default d : member.symbol().defaults()) {
            if (d.definition() == member) {
                err.warning(d.location().file(),
                        d.location().line(), "defaults for choice values not supported");
            }
        }
    }

    /** One warning, kept until all of a symbol's are known: the kernel prints them in property order. */
    private record Warning(Definition definition, Location location, String message) {
    }

    private static void check(Symbol s, SymbolTable symbols, Diagnostics out) {
        java.util.List<Warning> found = new java.util.ArrayList<>();
        collect(s, symbols, found);
        found.sort(java.util.Comparator.comparingInt((Warning w) -> s.definitions().indexOf(w.definition()))
                .thenComparingInt(w -> w.location().line()));
        for (Warning w : found) {
            out.warning(w.location().file(), w.location().line(), w.message());
        }
    }

    private static void collect(Symbol s, SymbolTable symbols, java.util.List<Warning> err) {
        boolean number = s.type() == Type.INT || s.type() == Type.HEX;
        for (Property.Default d : s.defaults()) {
            if ((number || s.type() == Type.STRING) && !(d.value() instanceof Expr.Sym)) {
                warn(err, d, "default for config symbol '" + s.name() + "' must be a single symbol");
            }
            if (number && d.value() instanceof Expr.Sym v && !isNumber(s, symbols.symbol(v.name()))) {
                warn(err, d, "'" + s.name() + "': number is invalid");
            }
        }
        for (Property.Select sel : s.selects()) {
            if (!s.type().isTristateLike()) {
                warn(err, sel, "config symbol '" + s.name() + "' uses select, but is not bool or tristate");
            } else if (sel.target().type() != Type.UNKNOWN && !sel.target().type().isTristateLike()) {
                warn(err, sel, "'" + sel.target().name()
                        + "' has wrong type. 'select' only accept arguments of bool and tristate type");
            }
        }
        for (Property.Imply imp : s.implies()) {
            if (!s.type().isTristateLike()) {
                warn(err, imp, "config symbol '" + s.name() + "' uses imply, but is not bool or tristate");
            } else if (imp.target().type() != Type.UNKNOWN && !imp.target().type().isTristateLike()) {
                warn(err, imp, "'" + imp.target().name()
                        + "' has wrong type. 'imply' only accept arguments of bool and tristate type");
            }
        }
        for (Property.Range r : s.ranges()) {
            if (!number) {
                warn(err, r, "range is only allowed for int or hex symbols");
            }
            if (!isNumber(s, r.low()) || !isNumber(s, r.high())) {
                warn(err, r, "range is invalid");
            }
        }
    }

    /** A bound or default is a number when it is an int/hex symbol, or a literal valid for the symbol's type. */
    private static boolean isNumber(Symbol s, Symbol bound) {
        return bound.type() == Type.INT || bound.type() == Type.HEX
                || (bound.type() == Type.UNKNOWN && Numbers.isValid(s.type(), bound.name()));
    }

    private static void warn(java.util.List<Warning> out, Property p, String message) {
        out.add(new Warning(p.definition(), p.location(), message));
    }
}
