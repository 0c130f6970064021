package dev.kconfig4j.upgrade;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigFile;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.confdata.ConfigWriter;
import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.menu.Menu;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Numbers;
import dev.kconfig4j.symbol.Symbol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries a config to a new tree exactly as {@code olddefconfig} does and explains every
 * difference.
 *
 * <p>Every value of the user's config is compared with the value olddefconfig gives it; every
 * symbol olddefconfig writes that the config never mentioned is a NEW finding. Each finding gets
 * a root cause read off the new tree (type, dependencies, prompt, selects, choice, range; and,
 * with the old tree, how the definition changed). A finding whose value is blocked by a symbol
 * that is itself a finding is filed under that finding, so a cascade (a core option and the
 * fifteen drivers behind it) reads as one finding with consequences. Every loss gets a fix, found
 * by {@link FixFinder} and verified by evaluating the config with the fix applied.
 */
public final class UpgradeGuard {
    private final Kconfig newTree;
    private final Kconfig oldTree;
    private final boolean fixes;
    private final Renames renames;
    /** Classifies findings; made on the first {@link #analyze} (it keeps per-tree indexes). */
    private Categories categories;
    /** The config file's name, during {@link #analyze}. */
    private String configName;
    /** The causes of this analysis's findings, during {@link #analyze}. */
    private Causes causes;

    /**
     * @param newTree the tree the config is carried to
     * @param oldTree the tree the config came from, or null (the guard then explains from the new tree alone)
     */
    public UpgradeGuard(Kconfig newTree, Kconfig oldTree) {
        this(newTree, oldTree, true);
    }

    /**
     * @param fixes whether {@link #analyze} finds fixes; without, reports carry findings and causes
     *     only (no {@link Fix}), which is much faster when many configs are analyzed
     */
    public UpgradeGuard(Kconfig newTree, Kconfig oldTree, boolean fixes) {
        this.newTree = newTree;
        this.oldTree = oldTree;
        this.fixes = fixes;
        this.renames = new Renames(newTree, oldTree);
    }

    /** The values a config file sets, by symbol name, with their lines (the last assignment wins). */
    record UserValue(String name, String text, int line) {
    }

    /** Analyzes the config {@code text} (named {@code name} in messages). */
    public UpgradeReport analyze(String name, String text) {
        return analyze(name, text, null);
    }

    /**
     * Like {@link #analyze(String, String)}, given the config as already evaluated in the old tree
     * ({@code oldValues}: a configuration of the old tree holding the values {@code text} has
     * there, such as the one {@code text} was written from), which spares evaluating it again;
     * null to evaluate it here.
     */
    public UpgradeReport analyze(String name, String text, Configuration oldValues) {
        // The text is parsed once: both trees' readers, the user's values and the fixes share it.
        ConfigFile file = ConfigFile.of(name, text);
        ConfigReader.Read read = ConfigReader.load(newTree, file);
        Configuration config = read.configuration();
        List<Diagnostic> warnings = read.diagnostics();
        Map<String, UserValue> user = userValues(file);
        configName = name;
        Configuration oldConfig = oldTree == null ? null
                : oldValues != null ? oldValues : ConfigReader.load(oldTree, file).configuration();
        causes = new Causes(newTree, oldTree, renames, oldConfig);

        // 1. Every value of the user's config, compared.
        Map<String, Finding> bySymbol = new LinkedHashMap<>();
        for (UserValue u : user.values()) {
            Finding f = compare(config, oldConfig, u);
            if (f != null) {
                bySymbol.put(u.name(), f);
            }
        }
        // 2. Everything olddefconfig writes that the config never mentioned.
        Set<Symbol> seen = new HashSet<>();
        for (Menu m : newTree.menusInOrder()) {
            Symbol s = m.symbol();
            if (s == null || s.isChoice() || !seen.add(s) || user.containsKey(s.name()) || !config.isWritten(s)) {
                continue;
            }
            bySymbol.put(s.name(), new Finding(Finding.Kind.NEW, s.name(), null, ConfigWriter.valueText(config, s), 0,
                    causes.explainNew(config, s), List.of(), null));
        }
        // 3. New symbols that block a finding although olddefconfig does not write them (a new
        //    gate such as HYPERV_VMBUS whose own dependency is unmet): findings too.
        addGates(config, user, bySymbol);
        // 4. Cascades: file each finding under the first finding that blocks it; then each
        //    finding's class (an option the user chose, the toolchain, a helper...).
        if (categories == null) {
            categories = new Categories(newTree, oldTree);
        }
        List<Finding> roots = categories.classify(CauseTree.nest(bySymbol));
        if (!fixes) {
            return new UpgradeReport(UpgradeReport.SCHEMA_VERSION, name, String.valueOf(newTree.options().srctree().normalize()),
                    newTree.mainMenu(), newTree.dialect().version(), Ranking.order(roots), null, warnings);
        }
        // 5. Fixes, per root and for everything together: they restore options the user chose;
        //    a helper comes back only as a consequence of those (see helperFate).
        FixFinder fixer = new FixFinder(newTree, file);
        List<Finding> withFixes = new ArrayList<>();
        List<FixFinder.Target> allTargets = new ArrayList<>();
        for (Finding r : roots) {
            List<FixFinder.Target> targets = targets(r);
            if (targets.isEmpty()) {
                withFixes.add(r);
                continue;
            }
            allTargets.addAll(targets);
            withFixes.add(r.withFix(fixer.find(targets)));
        }
        Fix combined = allTargets.isEmpty() ? null : fixer.find(allTargets);
        Configuration fixed = combined == null ? config
                : ConfigReader.load(newTree, name, text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n")
                        + String.join("\n", combined.lines()) + "\n").configuration();
        List<Finding> told = new ArrayList<>();
        for (Finding r : withFixes) {
            told.add(helperFate(r, fixed, combined));
        }
        return new UpgradeReport(UpgradeReport.SCHEMA_VERSION, name,
                String.valueOf(newTree.options().srctree().normalize()), newTree.mainMenu(), newTree.dialect().version(),
                Ranking.order(told), combined, warnings);
    }

    /**
     * Says, on each lost helper (a promptless symbol), what becomes of it: it comes back with the
     * combined fix, as a consequence of an option the fix restores, or no option the user chose
     * needs it, and no fix turns anything on to bring it back.
     */
    private Finding helperFate(Finding f, Configuration fixed, Fix combined) {
        List<Finding> kids = new ArrayList<>();
        for (Finding c : f.consequences()) {
            kids.add(helperFate(c, fixed, combined));
        }
        Finding out = f.withConsequences(kids);
        boolean lostHelper = f.category() == Finding.Category.HELPER && (f.kind().isLoss()
                || (f.kind() == Finding.Kind.DROPPED && UpgradeReport.isEnabled(f.oldValue())));
        if (!lostHelper) {
            return out;
        }
        Symbol s = newTree.symbols().find(f.symbol());
        String now = s == null || !s.isDefined() ? null : ConfigWriter.valueText(fixed, s);
        Tristate had = Tristate.parse(f.oldValue());
        Tristate back = now == null ? Tristate.NO : Tristate.parse(now);
        String fate;
        if (f.kind() != Finding.Kind.DROPPED && had != null && back != null && back.compareTo(had) >= 0 && combined != null) {
            fate = "; it comes back with the options the fix restores";
        } else {
            fate = f.kind() == Finding.Kind.DROPPED ? "; it was a helper, not an option: nothing to restore"
                    : "; no option you chose needs it any more, so no fix turns anything on to bring it back";
        }
        Cause c = f.cause();
        return out.withCause(new Cause(c.kind(), c.text() + fate, c.blockers()));
    }

    private void addGates(Configuration config, Map<String, UserValue> user, Map<String, Finding> bySymbol) {
        List<Finding> work = new ArrayList<>(bySymbol.values());
        for (int i = 0; i < work.size(); i++) {
            Finding f = work.get(i);
            if (f.kind() == Finding.Kind.NEW && f.newValue() != null) {
                continue; // a written new symbol blocks nothing by being new
            }
            for (String b : f.cause().blockers()) {
                if (bySymbol.containsKey(b) || user.containsKey(b)) {
                    continue;
                }
                Symbol s = newTree.symbols().find(b);
                if (s == null || !s.isDefined()) {
                    continue;
                }
                Finding gate = new Finding(Finding.Kind.NEW, b, null, ConfigWriter.valueText(config, s), 0,
                        causes.explainNew(config, s),
                        List.of(), null);
                bySymbol.put(b, gate);
                work.add(gate);
            }
        }
    }

    /** The olddefconfig result for {@code text} in the new tree: the kernel's .config, byte for byte. */
    public String newConfig(String name, String text) {
        Configuration config = ConfigReader.load(newTree, name, text).configuration();
        return new ConfigWriter(newTree, config, "CONFIG_").dotConfig();
    }

    /** The config's user values: the last assignment of each symbol, in the order of those assignments. */
    private static Map<String, UserValue> userValues(ConfigFile file) {
        Map<String, UserValue> out = new LinkedHashMap<>();
        file.assignments().forEach((symbol, line) -> out.put(symbol, new UserValue(symbol, line.value(), line.number())));
        return out;
    }


    // ======================================================================
    // comparing one user value
    // ======================================================================

    private Finding compare(Configuration config, Configuration oldConfig, UserValue u) {
        Symbol s = newTree.symbols().find(u.name());
        if (s == null || !s.isDefined() || s.isTransitional()) {
            return new Finding(Finding.Kind.DROPPED, u.name(), u.text(), null, u.line(),
                    causes.explainDropped(config, u, s),
                    List.of(), null);
        }
        String now = ConfigWriter.valueText(config, s);
        Type type = s.type();
        if (type.isTristateLike()) {
            Tristate before = Tristate.parse(u.text().isEmpty() ? "" : u.text().substring(0, 1));
            Tristate after = now == null ? Tristate.NO : Tristate.parse(now);
            if (before == null || (before == Tristate.MOD && type == Type.BOOL)) {
                Finding.Kind kind = before == null ? Finding.Kind.CHANGED
                        : after == Tristate.NO ? Finding.Kind.LOST : Finding.Kind.PROMOTED;
                return new Finding(kind, s.name(), u.text(), now == null ? "n" : now, u.line(),
                        causes.typeChanged(s, u.text(), configName + ":" + u.line()), List.of(), null);
            }
            if (before == after && (now != null || before == Tristate.NO)) {
                return null;
            }
            Finding.Kind kind;
            if (after.compareTo(before) < 0) {
                kind = after == Tristate.NO ? Finding.Kind.LOST : Finding.Kind.DEMOTED;
            } else if (before == Tristate.MOD && after == Tristate.YES) {
                kind = Finding.Kind.PROMOTED;
            } else {
                kind = Finding.Kind.CHANGED; // n became y/m, or an n line that is no longer written
            }
            if (before == after) {
                // Same value, but no longer written: the symbol vanished from the visible config.
                return new Finding(Finding.Kind.CHANGED, s.name(), u.text(), null, u.line(), causes.notWritten(config, s),
                        List.of(), null);
            }
            return new Finding(kind, s.name(), u.text(), now == null ? "n" : now, u.line(),
                    causes.explainTristate(config, oldConfig, s, before, after), List.of(), null);
        }
        String old = u.text();
        if (!Numbers.isValid(type, type == Type.STRING ? "" : old) || (type == Type.STRING && !old.startsWith("\""))) {
            if (!(type == Type.STRING && old.startsWith("\""))) {
                return new Finding(Finding.Kind.CHANGED, s.name(), old, now, u.line(),
                        causes.typeChanged(s, old, configName + ":" + u.line()), List.of(), null);
            }
        }
        if (old.equals(now)) {
            return null;
        }
        return new Finding(Finding.Kind.CHANGED, s.name(), old, now, u.line(), causes.explainText(config, s, old), List.of(),
                null);
    }

    // ======================================================================
    // fixes
    // ======================================================================

    /** What the fix of a root must restore: every user value lost in it (m on a now-bool symbol becomes y). */
    private List<FixFinder.Target> targets(Finding root) {
        List<FixFinder.Target> out = new ArrayList<>();
        collectTargets(root, out);
        return out;
    }

    /**
     * Only options the user could choose are targets: a promptless symbol (a helper, a value the
     * toolchain decides) comes back only as a consequence of restoring such an option, never by
     * turning on something the user had off just to bring it back.
     */
    private void collectTargets(Finding f, List<FixFinder.Target> out) {
        if (f.kind() == Finding.Kind.PROMOTED && f.cause().kind() == Cause.Kind.TYPE_CHANGED) {
            return; // m on a now-bool symbol became y: the closest the new type allows, nothing to restore
        }
        boolean chosen = f.category() == Finding.Category.OPTION_LOST || f.category() == Finding.Category.OPTION_CHANGED;
        if (chosen && (f.kind() == Finding.Kind.LOST || f.kind() == Finding.Kind.DEMOTED
                || (f.kind() == Finding.Kind.CHANGED && f.oldValue() != null && f.cause().kind() != Cause.Kind.SELECTED))) {
            Symbol s = newTree.symbols().find(f.symbol());
            if (s != null && s.isDefined() && !s.prompts().isEmpty()) {
                String want = f.oldValue();
                if (s.type() == Type.BOOL && "m".equals(want)) {
                    want = "y";
                }
                boolean valid = s.type().isTristateLike() ? Tristate.parse(want) != null && !"n".equals(want)
                        : s.type() == Type.STRING ? want.startsWith("\"") : Numbers.isValid(s.type(), want);
                if (valid) {
                    out.add(new FixFinder.Target(s, want));
                }
            }
        }
        for (Finding c : f.consequences()) {
            collectTargets(c, out);
        }
    }
}
