package dev.kconfig4j.menu;

import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.dialect.Dialect;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.ExprPrinter;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.parse.Location;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Definition;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.symbol.SymbolTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The help screen of a menu entry, as menuconfig and {@code --helpnewconfig} show it, and the
 * warning about unmet direct dependencies.
 *
 * <p>The screen: {@code CONFIG_X:}, a blank line and the help text (or a line saying there is
 * none), then {@code Symbol: X [=value]}, {@code Type  : ...}, the active range of int/hex
 * symbols, every definition (those with a prompt first) with its location, prompt, dependencies,
 * visibility when it differs from the dependencies, and its place in the menus; then the
 * symbols it selects, the selectors grouped by their current value, the symbols it implies and
 * the impliers. Dependencies are shown simplified as the kernel keeps them (see
 * {@link ExprPrinter#simplify}).
 */
public final class MenuInfo {
    private MenuInfo() {
    }

    /** How deep the location of an entry goes at most (the innermost levels are shown). */
    private static final int MAX_LOCATION_DEPTH = 8;

    /**
     * The warning when a select forces a symbol above its direct dependencies: "WARNING: unmet
     * direct dependencies detected for X" after a blank line, the dependency and the selectors, as
     * the kernel prints it; at the symbol's first definition.
     */
    public static Diagnostic unmetDependency(Configuration config, Symbol symbol) {
        String text = unmetDependencyText(config, symbol);
        Location at = symbol.definitions().isEmpty() ? null : symbol.definitions().get(0).location();
        return new Diagnostic(Diagnostic.Severity.WARNING, at == null ? null : at.file(), at == null ? 0 : at.line(),
                "unmet direct dependencies detected for " + symbol.name(), text.substring(0, text.length() - 1));
    }

    private static String unmetDependencyText(Configuration config, Symbol symbol) {
        SymbolTable symbols = config.symbols();
        StringBuilder sb = new StringBuilder();
        sb.append("\nWARNING: unmet direct dependencies detected for ").append(symbol.name()).append('\n');
        sb.append("  Depends on [").append(config.directDependency(symbol) == Tristate.MOD ? 'm' : 'n').append("]: ");
        sb.append(ExprPrinter.print(directDependency(config, symbol), config)).append('\n');
        List<Expr> terms = reverseTerms(config, symbol.reverseDependency());
        printTerms(sb, config, terms, Tristate.YES, "  Selected by [y]:\n");
        printTerms(sb, config, terms, Tristate.MOD, "  Selected by [m]:\n");
        return sb.toString();
    }

    /**
     * The help text of {@code menu}, with symbol, type, definitions, dependencies and location;
     * {@code config} is a configuration of the tree that holds {@code menu}.
     */
    public static String help(Configuration config, Menu menu) {
        StringBuilder sb = new StringBuilder();
        sb.append('\n');
        Symbol sym = menu.symbol();
        if (menu.help() != null) {
            if (sym != null && sym.name() != null) {
                sb.append("CONFIG_").append(sym.name()).append(":\n\n");
            }
            sb.append(menu.help());
        } else {
            sb.append("There is no help available for this option.");
        }
        sb.append('\n');
        if (sym != null) {
            symbolInfo(sb, config, sym);
        }
        sb.append('\n');
        return sb.toString();
    }

    private static void symbolInfo(StringBuilder sb, Configuration config, Symbol sym) {
        SymbolTable symbols = config.symbols();
        if (sym.name() != null) {
            sb.append("Symbol: ").append(sym.name()).append(" [=").append(value(config, sym)).append("]\n");
            sb.append("Type  : ").append(typeName(sym.type())).append('\n');
            if (sym.type() == Type.INT || sym.type() == Type.HEX) {
                Property.Range r = config.activeRange(sym);
                if (r != null) {
                    StringBuilder range = new StringBuilder("Range : [");
                    ExprPrinter.name(range, r.low().ref(), config);
                    range.append(' ');
                    ExprPrinter.name(range, r.high().ref(), config);
                    sb.append(range).append("]\n");
                }
            }
        }
        for (Definition def : sym.definitions()) {
            if (def.hasPrompt()) {
                sb.append("Defined at ").append(def.location().file()).append(':').append(def.location().line())
                        .append('\n');
                promptInfo(sb, config, Menu.of(def));
            }
        }
        for (Definition def : sym.definitions()) {
            if (!def.hasPrompt()) {
                sb.append("Defined at ").append(def.location().file()).append(':').append(def.location().line())
                        .append('\n');
                dependency(sb, config, simplify(config, def.dependency()), "  Depends on: ");
            }
        }
        targets(sb, config, sym.selects().stream().map(Property.Select::target).toList(), "Selects: ");
        List<Expr> selectors = reverseTerms(config, sym.reverseDependency());
        printTerms(sb, config, selectors, Tristate.YES, "Selected by [y]:\n");
        printTerms(sb, config, selectors, Tristate.MOD, "Selected by [m]:\n");
        printTerms(sb, config, selectors, Tristate.NO, "Selected by [n]:\n");
        targets(sb, config, sym.implies().stream().map(Property.Imply::target).toList(), "Implies: ");
        List<Expr> impliers = reverseTerms(config, sym.impliedBy());
        printTerms(sb, config, impliers, Tristate.YES, "Implied by [y]:\n");
        printTerms(sb, config, impliers, Tristate.MOD, "Implied by [m]:\n");
        printTerms(sb, config, impliers, Tristate.NO, "Implied by [n]:\n");
        sb.append("\n\n");
    }

    private static void promptInfo(StringBuilder sb, Configuration config, Menu def) {
        SymbolTable symbols = config.symbols();
        sb.append("  Prompt: ").append(def.promptText()).append('\n');
        Expr dep = simplify(config, def.dependency());
        dependency(sb, config, dep, "  Depends on: ");
        Expr visible = simplify(config, def.promptCondition());
        if (!sameExpr(dep, visible)) {
            dependency(sb, config, visible, "  Visible if: ");
        }
        location(sb, config.dialect(), config, def);
    }

    private static void location(StringBuilder sb, Dialect dialect, Configuration config, Menu def) {
        List<Menu> path = new ArrayList<>();
        // 5.10 starts from the parent; newer versions show the entry itself too.
        Menu m = dialect.locationIncludesEntry() ? def : def.parent();
        while (m != null && m.kind() != Menu.Kind.ROOT && path.size() < MAX_LOCATION_DEPTH) {
            path.add(m);
            m = m.parent();
        }
        if (path.isEmpty()) {
            return;
        }
        sb.append("  Location:\n");
        int indent = 4;
        for (int i = path.size() - 1; i >= 0; i--, indent += 2) {
            Menu p = path.get(i);
            sb.append(" ".repeat(indent)).append("-> ").append(p.promptText() == null ? "" : p.promptText());
            Symbol s = p.symbol();
            if (s != null) {
                sb.append(" (").append(s.name() == null ? "<choice>" : s.name()).append(" [=")
                        .append(value(config, s)).append("])");
            }
            sb.append('\n');
        }
    }

    private static void dependency(StringBuilder sb, Configuration config, Expr e, String prefix) {
        if (!ExprPrinter.isYes(e)) {
            sb.append(prefix).append(ExprPrinter.print(e, config)).append('\n');
        }
    }

    private static void targets(StringBuilder sb, Configuration config, List<Symbol> targets, String prefix) {
        if (targets.isEmpty()) {
            return;
        }
        sb.append(prefix);
        for (int i = 0; i < targets.size(); i++) {
            if (i > 0) {
                sb.append(" && ");
            }
            ExprPrinter.name(sb, targets.get(i).ref(), config);
        }
        sb.append('\n');
    }

    private static void printTerms(StringBuilder sb, Configuration config, List<Expr> terms, Tristate value,
            String title) {
        boolean first = true;
        for (Expr t : terms) {
            if (config.eval(t) == value) {
                if (first) {
                    sb.append(title);
                    first = false;
                }
                sb.append("  - ").append(ExprPrinter.print(t, config)).append('\n');
            }
        }
    }

    /**
     * The terms of a reverse dependency (OR of {@code selector && condition}), each condition
     * simplified as the kernel keeps a property's condition.
     */
    private static List<Expr> reverseTerms(Configuration config, Expr rev) {
        List<Expr> terms = new ArrayList<>();
        if (rev == null) {
            return terms;
        }
        Expr e = rev;
        while (e instanceof Expr.Or o) {
            terms.add(0, o.right());
            e = o.left();
        }
        terms.add(0, e);
        for (int i = 0; i < terms.size(); i++) {
            Expr t = terms.get(i);
            if (t instanceof Expr.And a) {
                if (a.left() instanceof Expr.Sym s && !config.symbol(s.name()).isConstant()) {
                    Expr cond = simplify(config, a.right());
                    terms.set(i, cond == null ? a.left() : new Expr.And(a.left(), cond));
                } else {
                    terms.set(i, new Expr.And(simplify(config, a.left()), a.right()));
                }
            }
        }
        return terms;
    }

    /** The direct dependencies as the kernel keeps them: the OR of every definition's dependency. */
    private static Expr directDependency(Configuration config, Symbol symbol) {
        Expr result = null;
        for (Definition def : symbol.definitions()) {
            Expr dep = simplify(config, def.dependency());
            if (dep != null) {
                result = Expr.or(result, dep);
            }
        }
        return result;
    }

    private static Expr simplify(Configuration config, Expr e) {
        return ExprPrinter.simplify(e, config.symbols(), config.dialect().choicesByPriority());
    }

    private static boolean sameExpr(Expr a, Expr b) {
        if (a == null || b == null) {
            return ExprPrinter.isYes(a) && ExprPrinter.isYes(b);
        }
        return ExprPrinter.print(a).equals(ExprPrinter.print(b));
    }

    /** A symbol's value as the screen shows it; from 6.11 a choice itself has no value and shows n. */
    private static String value(Configuration config, Symbol s) {
        if (s.isChoice() && config.dialect().choicesByPriority()) {
            return "n";
        }
        return config.string(s);
    }

    private static String typeName(Type t) {
        return switch (t) {
            case BOOL -> "bool";
            case TRISTATE -> "tristate";
            case INT -> "integer";
            case HEX -> "hex";
            case STRING -> "string";
            case UNKNOWN -> "unknown";
        };
    }
}
