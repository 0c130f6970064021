package dev.kconfig4j.solve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.conformance.GoldenCase;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code enable} on real data: Debian's 6.12 amd64 config in the 6.12 x86 tree. A deterministic
 * sample of 200 symbols that are {@code n} and could be set is requested one at a time; at least
 * 95% must be solved, and every answer must hold when evaluated and be irredundant.
 *
 * <p>"Could be set" is defined precisely by {@link #couldBeSet}: a bool or tristate symbol with a
 * prompt whose prompt condition (or whose selectors) is not ruled out by <em>fixed</em> symbols,
 * the symbols no config can change (see {@link #fixed}). The sample is every k-th such symbol in
 * name order.
 */
class DebianEnableTest {
    private static Kconfig tree;
    private static String config;
    private static Enabler enabler;

    @BeforeAll
    static void load() throws IOException {
        Path shared = GoldenCase.requireShared();
        GoldenCase c = GoldenCase.byId(shared, "6.12/x86/olddefconfig-debian-6.12-amd64");
        Path srctree = shared.resolve(c.tree()).toRealPath();
        Path out = Files.createTempDirectory("kconfig4j-enable-");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        tree = Kconfig.load(Kconfig.Options.of(srctree, "Kconfig", c.environment(srctree, out), out), quiet, quiet);
        config = Files.readString(shared.resolve("corpus/configs/debian-6.12-amd64.config"), StandardCharsets.ISO_8859_1);
        enabler = new Enabler(tree, ".config", config);
    }

    @Test
    void twoHundredSymbolsThatAreOffAndCouldBeSet() {
        Configuration base = enabler.original();
        long t0 = System.nanoTime();
        Map<Symbol, Tristate[]> bounds = upperBounds(base);
        List<Symbol> eligible = new ArrayList<>();
        for (Symbol s : tree.symbols().all()) {
            if (couldBeSet(s, base, bounds) && base.tristate(s) == Tristate.NO) {
                eligible.add(s);
            }
        }
        eligible.sort(Comparator.comparing(Symbol::name));
        long analysis = (System.nanoTime() - t0) / 1_000_000;
        int step = Math.max(1, eligible.size() / 200);
        List<Symbol> sample = new ArrayList<>();
        for (int i = 0; i < eligible.size() && sample.size() < 200; i += step) {
            sample.add(eligible.get(i));
        }
        int solved = 0;
        long totalMs = 0;
        long worst = 0;
        List<String> unsolved = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Symbol s : sample) {
            Request r = new Request(s, null);
            Answer a = enabler.solve(List.of(r));
            totalMs += a.millis();
            worst = Math.max(worst, a.millis());
            if (!a.solved()) {
                unsolved.add(s.name() + ": " + a.conflict().reasons());
                continue;
            }
            solved++;
            List<Assignment> lines = a.solution().assignments();
            dump(s, a);
            if (!Enabler.holds(enabler.evaluate(lines), List.of(r))) {
                wrong.add(s.name() + ": " + lines + " does not hold");
            }
            for (int i = 0; i < lines.size(); i++) {
                List<Assignment> without = new ArrayList<>(lines);
                without.remove(i);
                if (Enabler.holds(enabler.evaluate(without), List.of(r))) {
                    wrong.add(s.name() + ": " + lines.get(i).describe() + " can be dropped from " + lines);
                }
            }
        }
        double rate = 100.0 * solved / sample.size();
        System.out.printf("enable: %d eligible (analysis %d ms), sample %d, solved %d (%.1f%%), %d ms total, %.0f ms mean,"
                + " %d ms worst%n", eligible.size(), analysis, sample.size(), solved, rate, totalMs,
                (double) totalMs / sample.size(), worst);
        unsolved.forEach(u -> System.out.println("  unsolved " + u));
        assertThat(wrong).isEmpty();
        assertThat(sample).hasSize(200);
        assertThat(rate).isGreaterThanOrEqualTo(95.0);
    }

    /** With -Dkconfig4j.enable.dump=DIR: the answer's lines and resulting .config, for checking with the kernel's conf. */
    private static void dump(Symbol s, Answer a) {
        String dir = System.getProperty("kconfig4j.enable.dump");
        if (dir == null) {
            return;
        }
        try {
            Path d = Path.of(dir);
            Files.createDirectories(d);
            Files.writeString(d.resolve(s.name() + ".lines"), String.join("\n", a.solution().lines()) + "\n");
            Files.writeString(d.resolve(s.name() + ".config"), enabler.resultConfig(a.solution()),
                    StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Whether a config could set {@code s}: it is a bool or tristate with a prompt, and the upper
     * bound of its prompt condition or of its selects is at least m, in the interval analysis of
     * {@link #upperBounds}.
     */
    static boolean couldBeSet(Symbol s, Configuration base, Map<Symbol, Tristate[]> bounds) {
        if (s.isConstant() || s.isChoice() || !s.isDefined() || !s.type().isTristateLike() || s.prompts().isEmpty()) {
            return false;
        }
        for (Property.Prompt p : s.prompts()) {
            if (interval(p.condition(), base, bounds)[1] != Tristate.NO) {
                return true;
            }
        }
        return s.reverseDependency() != null && interval(s.reverseDependency(), base, bounds)[1] != Tristate.NO;
    }

    /**
     * For every symbol, an interval that holds its value in every config: fixed symbols (see
     * {@link #fixed}) have their value; for the others the upper bound is narrowed to the highest
     * value their prompts, defaults, implies and selects allow, until nothing changes.
     */
    static Map<Symbol, Tristate[]> upperBounds(Configuration base) {
        Map<Symbol, Boolean> fixed = fixed(base);
        Map<Symbol, Tristate[]> bounds = new HashMap<>();
        for (Symbol s : base.symbols().all()) {
            if (s.isConstant()) {
                continue;
            }
            Tristate v = base.tristate(s);
            // A text symbol's tristate value is always n; [n, y] marks it as changeable for comparisons.
            bounds.put(s, fixed.get(s) ? new Tristate[] {v, v} : new Tristate[] {Tristate.NO, Tristate.YES});
        }
        for (boolean changed = true; changed; ) {
            changed = false;
            for (Symbol s : base.symbols().all()) {
                if (s.isConstant() || fixed.get(s) || !s.type().isTristateLike() || s.isChoice()) {
                    continue;
                }
                Tristate hi = Tristate.NO;
                for (Property.Prompt p : s.prompts()) {
                    hi = hi.or(interval(p.condition(), base, bounds)[1]);
                }
                for (Property.Default d : s.defaults()) {
                    hi = hi.or(interval(d.value(), base, bounds)[1].and(interval(d.condition(), base, bounds)[1]));
                }
                if (s.impliedBy() != null) {
                    hi = hi.or(interval(s.impliedBy(), base, bounds)[1]);
                }
                if (s.reverseDependency() != null) {
                    hi = hi.or(interval(s.reverseDependency(), base, bounds)[1]);
                }
                if (s.parentChoice() != null || s.type() == dev.kconfig4j.expr.Type.BOOL) {
                    hi = hi.mToY();
                }
                Tristate[] b = bounds.get(s);
                if (hi.compareTo(b[1]) < 0) {
                    b[1] = hi;
                    changed = true;
                }
            }
        }
        return bounds;
    }

    /**
     * The symbols no config can change: those without a prompt whose defaults, selects and implies
     * only use fixed symbols (a least fixpoint of "changeable", starting from prompted symbols).
     */
    static Map<Symbol, Boolean> fixed(Configuration base) {
        Map<Symbol, Boolean> changeable = new HashMap<>();
        boolean more = true;
        while (more) {
            more = false;
            for (Symbol s : base.symbols().all()) {
                if (changeable.containsKey(s) || s.isConstant()) {
                    continue;
                }
                boolean c = s.isDefined() && !s.isChoice() && (promptPossible(s, base, changeable)
                        || usesChangeable(s, changeable, base));
                if (c) {
                    changeable.put(s, true);
                    more = true;
                }
            }
        }
        Map<Symbol, Boolean> fixed = new HashMap<>();
        for (Symbol s : base.symbols().all()) {
            fixed.put(s, !changeable.containsKey(s));
        }
        return fixed;
    }

    private static boolean usesChangeable(Symbol s, Map<Symbol, Boolean> changeable, Configuration base) {
        List<Expr> es = new ArrayList<>();
        es.add(s.directDependency());
        es.add(s.reverseDependency());
        es.add(s.impliedBy());
        for (Property.Default d : s.defaults()) {
            es.add(d.value());
            es.add(d.condition());
        }
        for (Expr e : es) {
            if (e != null && mentionsAny(e, changeable, base)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsAny(Expr e, Map<Symbol, Boolean> set, Configuration base) {
        if (e instanceof Expr.Sym s) {
            return set.containsKey(base.symbol(s.name()));
        } else if (e instanceof Expr.Not n) {
            return mentionsAny(n.operand(), set, base);
        } else if (e instanceof Expr.And a) {
            return mentionsAny(a.left(), set, base) || mentionsAny(a.right(), set, base);
        } else if (e instanceof Expr.Or o) {
            return mentionsAny(o.left(), set, base) || mentionsAny(o.right(), set, base);
        }
        Expr.Compare c = (Expr.Compare) e;
        return set.containsKey(base.symbol(c.left())) || set.containsKey(base.symbol(c.right()));
    }

    /** The interval of an expression's value, from the symbols' intervals. */
    private static Tristate[] interval(Expr e, Configuration base, Map<Symbol, Tristate[]> bounds) {
        return bounds(e, base, x -> {
            Tristate[] b = bounds.get(x);
            return b == null ? null : b;
        });
    }

    private static boolean promptPossible(Symbol s, Configuration base, Map<Symbol, Boolean> changeable) {
        for (Property.Prompt p : s.prompts()) {
            Tristate[] b = bounds(p.condition(), base, x -> changeable.containsKey(x) ? new Tristate[] {Tristate.NO,
                    Tristate.YES} : null);
            if (b[1] != Tristate.NO) {
                return true;
            }
        }
        return false;
    }

    /** Interval evaluation; {@code known} gives a symbol's interval, or null for "its current value". */
    private static Tristate[] bounds(Expr e, Configuration base, java.util.function.Function<Symbol, Tristate[]> known) {
        if (e == null) {
            return new Tristate[] {Tristate.YES, Tristate.YES};
        }
        if (e instanceof Expr.Sym s) {
            Symbol x = base.symbol(s.name());
            Tristate[] b = x.isConstant() ? null : known.apply(x);
            if (b == null || !x.type().isTristateLike()) {
                Tristate v = base.tristate(x);
                return new Tristate[] {v, v};
            }
            return b;
        } else if (e instanceof Expr.Not n) {
            Tristate[] b = bounds(n.operand(), base, known);
            return new Tristate[] {b[1].not(), b[0].not()};
        } else if (e instanceof Expr.And a) {
            Tristate[] l = bounds(a.left(), base, known);
            Tristate[] r = bounds(a.right(), base, known);
            return new Tristate[] {l[0].and(r[0]), l[1].and(r[1])};
        } else if (e instanceof Expr.Or o) {
            Tristate[] l = bounds(o.left(), base, known);
            Tristate[] r = bounds(o.right(), base, known);
            return new Tristate[] {l[0].or(r[0]), l[1].or(r[1])};
        }
        Expr.Compare c = (Expr.Compare) e;
        if (isPoint(base.symbol(c.left()), known) && isPoint(base.symbol(c.right()), known)) {
            Tristate v = base.eval(e);
            return new Tristate[] {v, v};
        }
        return new Tristate[] {Tristate.NO, Tristate.YES};
    }

    /** Whether a comparison operand keeps its current value in every config. */
    private static boolean isPoint(Symbol x, java.util.function.Function<Symbol, Tristate[]> known) {
        if (x.isConstant()) {
            return true;
        }
        Tristate[] b = known.apply(x);
        return b == null || b[0] == b[1];
    }
}
