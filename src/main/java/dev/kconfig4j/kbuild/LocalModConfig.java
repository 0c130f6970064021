package dev.kconfig4j.kbuild;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.confdata.ConfigWriter;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.symbol.Type;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code make localmodconfig} computed with the engine: keep the {@code =m} symbols of the
 * modules an lsmod listing shows, turn every other {@code =m} symbol off, and let Kconfig settle
 * the rest (as olddefconfig does: what the kept symbols select stays, what they depend on is
 * put back until every loaded module is built again).
 *
 * <ol>
 * <li>The config is read and settled; the {@link KbuildMap} says which modules it builds and,
 *     for each, the symbols its listing and its directories depend on.</li>
 * <li>Every tristate symbol at {@code m} that no loaded module depends on gets the user value
 *     {@code n}. {@code =y} symbols and non-tristate symbols are left alone.</li>
 * <li>The config is evaluated again. A loaded module that is no longer built had a symbol it
 *     needs turned off, directly or through Kconfig: the turned-off symbols in its symbols'
 *     {@code depends on} closure get their original values back; a symbol of the module without
 *     a prompt (it only exists through {@code select}) gets one of its turned-off selectors back,
 *     the first by name, as the kernel's script keeps one selecting config. Step 3 repeats until
 *     nothing changes.</li>
 * </ol>
 */
public final class LocalModConfig {
    private LocalModConfig() {
    }

    /**
     * The outcome.
     *
     * @param config the new .config text
     * @param loaded the module names of the listing, as lsmod prints them
     * @param unmapped loaded modules the tree does not build from this config (built in, out of
     *     tree, or from another kernel)
     * @param notBuilt loaded, mapped modules the new config still does not build (none unless
     *     Kconfig forbids it)
     * @param kept the =m symbols kept
     * @param disabled the =m symbols turned off
     * @param restored symbols turned off at first and given back because a loaded module needed them
     */
    public record Result(String config, List<String> loaded, List<String> unmapped, List<String> notBuilt,
            Set<String> kept, Set<String> disabled, Set<String> restored) {
    }

    /** The module names of an {@code lsmod} listing (first column; the header line is skipped). */
    public static List<String> parseLsmod(String name, String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("Module ") || line.equals("Module")) {
                continue;
            }
            String first = line.split("\\s+")[0];
            if (!first.matches("[A-Za-z0-9_-]+")) {
                throw new dev.kconfig4j.KconfigException(name, i + 1, "not an lsmod line: " + line);
            }
            out.add(KbuildMap.Module.kernelName(first));
        }
        return out;
    }

    /**
     * Runs localmodconfig.
     *
     * @param configName the config's name, for warnings
     * @param warnings where reading the config warns
     */
    public static Result run(Kconfig tree, KbuildMap map, String configName, String configText, List<String> loaded,
            PrintStream warnings) {
        Configuration original = ConfigReader.load(tree, configName, configText, warnings);
        KbuildMap.Build before = map.evaluate(Values.of(original));
        Map<String, KbuildMap.Module> byName = before.byKernelName();
        List<String> unmapped = new ArrayList<>();
        List<KbuildMap.Module> wanted = new ArrayList<>();
        Set<String> needed = new TreeSet<>();
        for (String m : new LinkedHashSet<>(loaded)) {
            KbuildMap.Module mod = byName.get(m);
            if (mod == null) {
                unmapped.add(m);
                continue;
            }
            wanted.add(mod);
            needed.addAll(mod.symbols());
            needed.addAll(mod.directorySymbols());
        }
        Configuration config = original.copyUserValues();
        Set<String> disabled = new TreeSet<>();
        Set<String> kept = new TreeSet<>();
        for (Symbol s : tree.symbols().all()) {
            if (s.isConstant() || s.type() != Type.TRISTATE || original.tristate(s) != Tristate.MOD) {
                continue;
            }
            if (needed.contains(s.name())) {
                kept.add(s.name());
            } else {
                config.setUser(s, Tristate.NO);
                disabled.add(s.name());
            }
        }
        Set<String> restored = new TreeSet<>();
        List<String> notBuilt = List.of();
        for (int round = 0; round < 64; round++) {
            KbuildMap.Build after = map.evaluate(Values.of(config));
            List<String> missing = new ArrayList<>();
            Set<String> giveBack = new TreeSet<>();
            for (KbuildMap.Module mod : wanted) {
                if (after.modules().containsKey(mod.name())) {
                    continue;
                }
                missing.add(mod.kernelName());
                Set<String> closure = new TreeSet<>();
                for (String s : mod.symbols()) {
                    dependencyClosure(tree, s, closure);
                }
                for (String s : mod.directorySymbols()) {
                    dependencyClosure(tree, s, closure);
                }
                for (String s : closure) {
                    if (disabled.contains(s)) {
                        giveBack.add(s);
                    }
                }
                // A symbol without a prompt lives from its selects: give back one selector.
                for (String s : mod.symbols()) {
                    Symbol sym = tree.symbols().find(s);
                    if (sym == null || !sym.prompts().isEmpty() || sym.reverseDependency() == null
                            || config.tristate(sym) != Tristate.NO) {
                        continue;
                    }
                    List<String> selectors = new ArrayList<>();
                    collect(sym.reverseDependency(), selectors);
                    selectors.stream().filter(disabled::contains).sorted().findFirst().ifPresent(giveBack::add);
                }
            }
            notBuilt = missing;
            if (giveBack.isEmpty()) {
                break;
            }
            for (String s : giveBack) {
                Symbol sym = tree.symbols().find(s);
                if (original.hasUserValue(sym)) {
                    config.setUser(sym, original.userTristate(sym));
                } else {
                    config.clearUser(sym);
                }
                disabled.remove(s);
                kept.add(s);
                restored.add(s);
            }
        }
        String text = new ConfigWriter(tree, config, "CONFIG_").dotConfig();
        return new Result(text, List.copyOf(loaded), List.copyOf(unmapped), List.copyOf(notBuilt), kept, disabled,
                restored);
    }

    /** {@code symbol} and every symbol its direct dependencies mention, transitively. */
    private static void dependencyClosure(Kconfig tree, String symbol, Set<String> into) {
        if (!into.add(symbol)) {
            return;
        }
        Symbol s = tree.symbols().find(symbol);
        if (s == null || s.directDependency() == null) {
            return;
        }
        List<String> names = new ArrayList<>();
        collect(s.directDependency(), names);
        for (String n : names) {
            dependencyClosure(tree, n, into);
        }
    }

    private static void collect(Expr e, List<String> into) {
        if (e instanceof Expr.Sym s) {
            if (!s.symbol().isConstant() && s.symbol().name() != null) {
                into.add(s.symbol().name());
            }
        } else if (e instanceof Expr.Not n) {
            collect(n.operand(), into);
        } else if (e instanceof Expr.And a) {
            collect(a.left(), into);
            collect(a.right(), into);
        } else if (e instanceof Expr.Or o) {
            collect(o.left(), into);
            collect(o.right(), into);
        } else if (e instanceof Expr.Compare c) {
            for (Symbol x : new Symbol[] {c.left(), c.right()}) {
                if (!x.isConstant() && x.name() != null) {
                    into.add(x.name());
                }
            }
        }
    }
}
