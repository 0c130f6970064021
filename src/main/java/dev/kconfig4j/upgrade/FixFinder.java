package dev.kconfig4j.upgrade;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.symbol.SymbolTable;
import dev.kconfig4j.symbol.Type;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds config lines that give symbols the values a user had, and proves them by evaluation.
 *
 * <p>The search works like a careful person: set each wanted symbol that the user can set; for one
 * that is blocked, find the dependency terms that block it and want their symbols (a
 * {@code depends on A} wants A at least as high, {@code depends on !B} wants B off, of an
 * {@code ||} the first alternative that can be set); repeat on the evaluated result until every
 * target holds or nothing more can be done. Only lines that were needed are kept, and the
 * result is evaluated once more with exactly those lines: a fix is reported as verified only
 * when that evaluation gives every wanted value.
 */
final class FixFinder {
    private static final int MAX_ROUNDS = 12;

    private final Kconfig tree;
    private final String name;
    private final String base;
    /** The user's config read once; every trial starts from a copy of its user values. */
    private final Configuration baseConfig;

    /**
     * What a fix must achieve for one symbol.
     *
     * @param symbol the symbol
     * @param value the wanted value in .config form ({@code y}, {@code m}, {@code n}, {@code "text"}, {@code 0x10})
     */
    record Target(Symbol symbol, String value) {
    }

    /** A wanted value and whether more is fine too (gates: "at least m"). */
    private record Want(Symbol symbol, String value, boolean atLeast) {
    }

    FixFinder(Kconfig tree, String name, String base) {
        this.tree = tree;
        this.name = name;
        this.base = base.endsWith("\n") || base.isEmpty() ? base : base + "\n";
        this.baseConfig = tree.newConfiguration();
        new ConfigReader(tree, baseConfig, quiet(), "CONFIG_", false).read(name, this.base);
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    }

    Fix find(List<Target> targets) {
        Map<Symbol, Want> wants = new LinkedHashMap<>();
        for (Target t : targets) {
            wants.put(t.symbol(), new Want(t.symbol(), t.value(), false));
        }
        Map<Symbol, String> lines = new LinkedHashMap<>();
        List<String> unreachable = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Configuration c = trial(lines);
            boolean progress = false;
            for (Want w : new ArrayList<>(wants.values())) {
                if (met(c, w)) {
                    continue;
                }
                Symbol s = w.symbol();
                Tristate need = need(w);
                if (c.visibility(s).compareTo(need) >= 0 && !s.prompts().isEmpty()) {
                    if (!w.value().equals(lines.get(s))) {
                        lines.put(s, w.value());
                        progress = true;
                    }
                    continue;
                }
                List<Want> more = requirements(c, s, need);
                if (more.isEmpty() && !unreachable.contains(s.name())) {
                    unreachable.add(s.name());
                }
                for (Want m : more) {
                    Want old = wants.get(m.symbol());
                    if (old == null) {
                        wants.put(m.symbol(), m);
                        progress = true;
                    }
                }
            }
            if (!progress) {
                break;
            }
        }
        // Keep only lines that change something: the user's own lines are already in the config.
        Map<String, ConfigReaderValue> user = new LinkedHashMap<>();
        for (UpgradeGuard.UserValue u : UpgradeGuard.userValues(base).values()) {
            user.put(u.name(), new ConfigReaderValue(u.text()));
        }
        Map<Symbol, String> needed = new LinkedHashMap<>();
        for (Map.Entry<Symbol, String> e : lines.entrySet()) {
            ConfigReaderValue had = user.get(e.getKey().name());
            if (had == null || !had.text().equals(e.getValue())) {
                needed.put(e.getKey(), e.getValue());
            }
        }
        Configuration result = evaluate(needed);
        List<String> missing = new ArrayList<>();
        for (Target t : targets) {
            if (!met(result, new Want(t.symbol(), t.value(), false))) {
                missing.add(t.symbol().name() + "=" + t.value());
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<Symbol, String> e : needed.entrySet()) {
            out.add(line(e.getKey(), e.getValue()));
        }
        String note;
        if (missing.isEmpty()) {
            note = out.isEmpty() ? "nothing to add: the old values come back by themselves"
                    : "add these lines and run olddefconfig: every lost value comes back";
        } else {
            note = "cannot restore " + String.join(", ", missing)
                    + (unreachable.isEmpty() ? "" : ": no setting makes " + String.join(", ", unreachable)
                            + " reachable (no prompt, or blocked by dependencies that are not user-settable)");
        }
        return new Fix(out, missing.isEmpty(), note);
    }

    private record ConfigReaderValue(String text) {
    }

    /** The user's config with {@code lines} appended, values computed on demand (for the search). */
    private Configuration trial(Map<Symbol, String> lines) {
        Configuration c = baseConfig.copyUserValues();
        ConfigReader r = new ConfigReader(tree, c, quiet(), "CONFIG_", false);
        r.apply(name, text(lines));
        return c;
    }

    /**
     * The user's config with {@code lines} appended, settled exactly as olddefconfig settles a
     * config read from a file: what a fix is verified against.
     */
    private Configuration evaluate(Map<Symbol, String> lines) {
        Configuration c = baseConfig.copyUserValues();
        ConfigReader r = new ConfigReader(tree, c, quiet(), "CONFIG_", false);
        r.apply(name, text(lines));
        r.afterRead();
        return c;
    }

    private static String text(Map<Symbol, String> lines) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<Symbol, String> e : lines.entrySet()) {
            text.append(line(e.getKey(), e.getValue())).append('\n');
        }
        return text.toString();
    }

    private static String line(Symbol s, String value) {
        return s.type().isTristateLike() && value.equals("n") ? "# CONFIG_" + s.name() + " is not set"
                : "CONFIG_" + s.name() + "=" + value;
    }

    private static Tristate need(Want w) {
        if (!w.symbol().type().isTristateLike()) {
            return Tristate.YES; // a text value needs a visible symbol
        }
        Tristate t = Tristate.parse(w.value());
        return t == null || t == Tristate.NO ? Tristate.YES : t;
    }

    private static boolean met(Configuration c, Want w) {
        Symbol s = w.symbol();
        String now = UpgradeGuard.valueText(c, s);
        if (s.type().isTristateLike()) {
            Tristate have = now == null ? Tristate.NO : Tristate.parse(now);
            Tristate want = Tristate.parse(w.value());
            if (want == null) {
                return false;
            }
            return w.atLeast() ? have.compareTo(want) >= 0 : have == want;
        }
        return w.value().equals(now);
    }

    /** What must hold for {@code s} to be settable to {@code need}: wants for the symbols of its failing terms. */
    private List<Want> requirements(Configuration c, Symbol s, Tristate need) {
        List<Want> out = new ArrayList<>();
        if (s.prompts().isEmpty() && s.reverseDependency() != null) {
            // Only a select can set it: enable the first selector that can be enabled.
            for (Expr alt : UpgradeGuard.orTerms(s.reverseDependency())) {
                List<Want> tryAlt = new ArrayList<>();
                require(c, alt, need, tryAlt);
                if (!tryAlt.isEmpty()) {
                    return tryAlt;
                }
            }
            return out;
        }
        if (s.directDependency() != null && c.directDependency(s).compareTo(need) < 0) {
            for (Expr t : UpgradeGuard.failingTerms(c, s.directDependency(), need)) {
                require(c, t, need, out);
            }
        } else {
            for (Property.Prompt p : s.prompts()) {
                if (p.condition() != null) {
                    for (Expr t : UpgradeGuard.failingTerms(c, p.condition(), need)) {
                        require(c, t, need, out);
                    }
                    break;
                }
            }
        }
        return out;
    }

    /** Adds wants that make {@code e} at least {@code need}; nothing if no settable symbol can. */
    private void require(Configuration c, Expr e, Tristate need, List<Want> out) {
        SymbolTable table = tree.symbols();
        if (e instanceof Expr.Sym sym) {
            Symbol x = sym.symbol();
            if (settable(x)) {
                out.add(new Want(x, x.type() == Type.BOOL ? "y" : need.text(), true));
            }
        } else if (e instanceof Expr.Not n && n.operand() instanceof Expr.Sym sym) {
            Symbol x = sym.symbol();
            if (settable(x)) {
                out.add(new Want(x, "n", false));
            }
        } else if (e instanceof Expr.Compare cmp && settable(cmp.left()) && cmp.right().isConstant()) {
            Symbol x = cmp.left();
            Symbol v = cmp.right();
            if (cmp.op() == Expr.CompareOp.EQUAL && x.type().isTristateLike()
                    && (v == table.yes() || v == table.mod() || v == table.no())) {
                out.add(new Want(x, v.name(), false));
            } else if (cmp.op() == Expr.CompareOp.UNEQUAL && v == table.no()) {
                out.add(new Want(x, x.type() == Type.BOOL ? "y" : need.text(), true));
            } else if (cmp.op() == Expr.CompareOp.EQUAL && !x.type().isTristateLike()) {
                out.add(new Want(x, x.type() == Type.STRING ? "\"" + v.name() + "\"" : v.name(), false));
            }
        } else if (e instanceof Expr.And a) {
            if (c.eval(a.left()).compareTo(need) < 0) {
                require(c, a.left(), need, out);
            }
            if (c.eval(a.right()).compareTo(need) < 0) {
                require(c, a.right(), need, out);
            }
        } else if (e instanceof Expr.Or) {
            for (Expr alt : UpgradeGuard.orTerms(e)) {
                List<Want> tryAlt = new ArrayList<>();
                require(c, alt, need, tryAlt);
                if (!tryAlt.isEmpty()) {
                    out.addAll(tryAlt);
                    return;
                }
            }
        }
    }

    /** A symbol a config line can set: defined, with a prompt, not a choice or constant. */
    private static boolean settable(Symbol s) {
        return !s.isConstant() && !s.isChoice() && s.isDefined() && !s.prompts().isEmpty();
    }
}
