package dev.kconfig4j.upgrade;

import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.confdata.ConfigWriter;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.ExprPrinter;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.menu.Menu;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Numbers;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.symbol.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
    /** How a cause names a dependency term that a macro expanded to a constant ({@code depends on $(success,...)}). */
    static final String MACRO_TERM = "a macro, typically a toolchain probe, that evaluated to ";
    private final Kconfig newTree;
    private final Kconfig oldTree;
    private final boolean fixes;
    /** Classifies findings; made on the first {@link #analyze} (it keeps per-tree indexes). */
    private Categories categories;
    /** The config file's name, during {@link #analyze}. */
    private String configName;
    /** The user's config evaluated in the old tree (with an old tree only), during {@link #analyze}. */
    private Configuration oldConfig;

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
        ConfigReader.Read read = ConfigReader.load(newTree, name, text);
        Configuration config = read.configuration();
        List<String> warnings = read.diagnostics().stream().map(Diagnostic::text).toList();
        Map<String, UserValue> user = userValues(text);
        configName = name;
        oldConfig = oldTree == null ? null
                : oldValues != null ? oldValues : ConfigReader.load(oldTree, name, text).configuration();

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
                    explainNew(config, s), List.of(), null));
        }
        // 3. New symbols that block a finding although olddefconfig does not write them (a new
        //    gate such as HYPERV_VMBUS whose own dependency is unmet): findings too.
        addGates(config, user, bySymbol);
        // 4. Cascades: file each finding under the first finding that blocks it; then each
        //    finding's class (an option the user chose, the toolchain, a helper...).
        if (categories == null) {
            categories = new Categories(newTree, oldTree);
        }
        List<Finding> roots = categories.classify(nest(bySymbol));
        if (!fixes) {
            return new UpgradeReport(UpgradeReport.SCHEMA_VERSION, name, String.valueOf(newTree.options().srctree().normalize()),
                    newTree.mainMenu(), newTree.dialect().version(), Ranking.order(roots), null, warnings);
        }
        // 5. Fixes, per root and for everything together: they restore options the user chose;
        //    a helper comes back only as a consequence of those (see helperFate).
        FixFinder fixer = new FixFinder(newTree, name, text);
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
                Finding gate = new Finding(Finding.Kind.NEW, b, null, ConfigWriter.valueText(config, s), 0, explainNew(config, s),
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

    static Map<String, UserValue> userValues(String text) {
        Map<String, UserValue> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            ConfigReader.Assignment a = ConfigReader.parseLine(l, "CONFIG_");
            if (a != null) {
                out.remove(a.name()); // the last assignment wins and keeps its place
                out.put(a.name(), new UserValue(a.name(), a.value(), i + 1));
            }
        }
        return out;
    }


    // ======================================================================
    // comparing one user value
    // ======================================================================

    private Finding compare(Configuration config, Configuration oldConfig, UserValue u) {
        Symbol s = newTree.symbols().find(u.name());
        if (s == null || !s.isDefined() || s.isTransitional()) {
            return new Finding(Finding.Kind.DROPPED, u.name(), u.text(), null, u.line(), explainDropped(config, u, s),
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
                        typeChanged(s, u.text(), configName + ":" + u.line()), List.of(), null);
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
                return new Finding(Finding.Kind.CHANGED, s.name(), u.text(), null, u.line(), notWritten(config, s),
                        List.of(), null);
            }
            return new Finding(kind, s.name(), u.text(), now == null ? "n" : now, u.line(),
                    explainTristate(config, oldConfig, s, before, after), List.of(), null);
        }
        String old = u.text();
        if (!Numbers.isValid(type, type == Type.STRING ? "" : old) || (type == Type.STRING && !old.startsWith("\""))) {
            if (!(type == Type.STRING && old.startsWith("\""))) {
                return new Finding(Finding.Kind.CHANGED, s.name(), old, now, u.line(),
                        typeChanged(s, old, configName + ":" + u.line()), List.of(), null);
            }
        }
        if (old.equals(now)) {
            return null;
        }
        return new Finding(Finding.Kind.CHANGED, s.name(), old, now, u.line(), explainText(config, s, old), List.of(),
                null);
    }

    // ======================================================================
    // causes
    // ======================================================================

    /**
     * A value the symbol's type in the new tree cannot take ({@code =m} for a bool, text for an
     * int), with the config file and line that set it: a type change when the old tree had
     * another type (or, without the old tree, m for a bool), else an invalid value.
     */
    private Cause typeChanged(Symbol s, String oldText, String where) {
        String was = "";
        boolean changed = false;
        if (oldTree != null) {
            Symbol o = oldTree.symbols().find(s.name());
            if (o != null && o.isDefined() && o.type() != s.type()) {
                was = " (it was " + o.type().keyword() + ")";
                changed = true;
            }
        } else if (oldText.equals("m") && s.type() == Type.BOOL) {
            was = " (it was tristate: only tristates take m)";
            changed = true;
        }
        String text = s.name() + " is " + s.type().keyword() + " in the new tree" + was + ": '" + oldText
                + "'" + (where == null ? "" : " (" + where + ")") + " is not a valid " + s.type().keyword()
                + " value, so olddefconfig ignores it and the symbol takes its default";
        if (oldText.equals("m") && s.type() == Type.BOOL) {
            text += "; as a bool it can only be built in (y) or left out";
        }
        return new Cause(changed ? Cause.Kind.TYPE_CHANGED : Cause.Kind.INVALID_VALUE, text, List.of());
    }

    private Cause explainDropped(Configuration config, UserValue u, Symbol s) {
        if (s != null && s.isTransitional()) {
            List<String> successors = successorsOf(s);
            return new Cause(Cause.Kind.RENAMED, u.name() + " is transitional in the new tree: its value is carried to "
                    + (successors.isEmpty() ? "its successor" : String.join(", ", successors))
                    + " and it is no longer written", successors);
        }
        List<String> candidates = renameCandidates(u.name());
        if (!candidates.isEmpty()) {
            List<String> described = new ArrayList<>();
            for (String c : candidates) {
                String v = ConfigWriter.valueText(config, newTree.symbols().find(c));
                described.add(c + " (now " + (v == null ? "n" : v) + ")");
            }
            return new Cause(Cause.Kind.RENAMED, u.name() + " does not exist in the new tree; it may have been renamed to "
                    + String.join(" or ", described), candidates);
        }
        return Cause.of(Cause.Kind.REMOVED, u.name() + " does not exist in the new tree (removed); olddefconfig drops the line");
    }

    /** Symbols whose defaults name {@code old}: where a transitional symbol's value goes. */
    private List<String> successorsOf(Symbol old) {
        List<String> out = new ArrayList<>();
        for (Symbol s : newTree.symbols().all()) {
            for (Property.Default d : s.defaults()) {
                if (d.value().mentions(old) && s.name() != null && !out.contains(s.name())) {
                    out.add(s.name());
                }
            }
        }
        return out;
    }

    /** New-tree symbols that could be new names (named, defined, and absent from the old tree), indexed once. */
    private final class RenameIndex {
        final Map<String, List<Symbol>> byWord = new HashMap<>();
        final Map<String, List<Symbol>> byPrompt = new HashMap<>();
        final Map<String, List<Symbol>> byHelp = new HashMap<>();

        RenameIndex() {
            for (Symbol s : newTree.symbols().all()) {
                if (s.name() == null || !s.isDefined() || s.isConstant()) {
                    continue;
                }
                if (oldTree != null) {
                    Symbol before = oldTree.symbols().find(s.name());
                    if (before != null && before.isDefined()) {
                        continue; // existed before: not a new name
                    }
                }
                for (String w : words(s.name())) {
                    byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(s);
                }
                if (!s.prompts().isEmpty()) {
                    byPrompt.computeIfAbsent(s.prompts().get(0).text(), k -> new ArrayList<>()).add(s);
                }
                String help = s.definitions().get(0).help();
                if (help != null && !help.isBlank()) {
                    byHelp.computeIfAbsent(help, k -> new ArrayList<>()).add(s);
                }
            }
        }
    }

    private RenameIndex renameIndex;

    /**
     * Likely new names of a dropped symbol: symbols the old tree did not have whose prompt or
     * help text equals the old symbol's, or (with the old tree) whose name shares nearly all of
     * the old name's words (MITIGATION_RETPOLINE for RETPOLINE).
     */
    private List<String> renameCandidates(String oldName) {
        if (renameIndex == null) {
            renameIndex = new RenameIndex();
        }
        Symbol old = oldTree == null ? null : oldTree.symbols().find(oldName);
        String oldPrompt = old == null || old.prompts().isEmpty() ? null : old.prompts().get(0).text();
        String oldHelp = old == null || old.definitions().isEmpty() ? null : old.definitions().get(0).help();
        Map<String, Integer> score = new LinkedHashMap<>();
        if (oldPrompt != null) {
            for (Symbol s : renameIndex.byPrompt.getOrDefault(oldPrompt, List.of())) {
                score.merge(s.name(), 10, Integer::sum);
            }
        }
        if (oldHelp != null && !oldHelp.isBlank()) {
            for (Symbol s : renameIndex.byHelp.getOrDefault(oldHelp, List.of())) {
                score.merge(s.name(), 10, Integer::sum);
            }
        }
        if (oldTree != null) {
            Set<String> oldWords = words(oldName);
            Map<String, Integer> common = new HashMap<>();
            for (String w : oldWords) {
                for (Symbol s : renameIndex.byWord.getOrDefault(w, List.of())) {
                    common.merge(s.name(), 1, Integer::sum);
                }
            }
            int needed = Math.max(2, oldWords.size() - 1);
            common.forEach((n, c) -> {
                if (c >= needed && !n.equals(oldName)) {
                    score.merge(n, c, Integer::sum);
                }
            });
        }
        List<String> scored = new ArrayList<>();
        score.forEach((n, sc) -> {
            if (sc >= 3 && !n.equals(oldName)) {
                scored.add(n);
            }
        });
        scored.sort((a, b) -> score.get(b) - score.get(a));
        return scored.size() > 3 ? scored.subList(0, 3) : scored;
    }

    private static Set<String> words(String name) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : name.toLowerCase(Locale.ROOT).split("_")) {
            if (!w.isEmpty() && !w.equals("config")) {
                out.add(w);
            }
        }
        return out;
    }

    private Cause notWritten(Configuration config, Symbol s) {
        return blockedCause(config, s, Tristate.YES, "is no longer written to .config");
    }

    private Cause explainTristate(Configuration config, Configuration oldConfig, Symbol s, Tristate before,
            Tristate after) {
        if (after.compareTo(before) > 0) {
            Symbol choice = s.parentChoice();
            if (choice != null && after == Tristate.YES) {
                List<String> had = new ArrayList<>();
                for (Symbol m : choice.members()) {
                    if (m != s && config.hasUserValue(m) && config.userTristate(m) == Tristate.YES
                            && config.tristate(m) != Tristate.YES) {
                        had.add(m.name());
                    }
                }
                String prompt = choice.prompts().isEmpty() ? "<choice>" : choice.prompts().get(0).text();
                return new Cause(Cause.Kind.CHOICE, "the choice \"" + prompt + "\" now selects " + s.name()
                        + (had.isEmpty() ? "" : " because " + String.join(", ", had)
                                + ", the member your config selected, is not available")
                        + (config.choiceDefault(choice) == s ? " (" + s.name() + " is its default)" : ""), had);
            }
            if (config.reverseDependency(s).compareTo(before) > 0) {
                return new Cause(Cause.Kind.SELECTED, s.name() + " is selected by " + activeSelectors(config, s),
                        selectorNames(config, s));
            }
            if (before == Tristate.MOD && s.type() == Type.BOOL) {
                return typeChanged(s, "m", null);
            }
            if (config.visibility(s) == Tristate.NO) {
                Property.Default d = config.activeDefault(s);
                return Cause.of(Cause.Kind.NOT_USER_SETTABLE, s.name() + " cannot be set by the user here"
                        + (d != null ? "; its default (" + describe(d.value(), config) + ") gives " + after.text()
                                : ""));
            }
            return Cause.of(Cause.Kind.OTHER, s.name() + " became " + after.text());
        }
        Symbol choice = s.parentChoice();
        if (choice != null && config.visibility(s) != Tristate.NO) {
            Symbol sel = config.selection(choice);
            String prompt = choice.prompts().isEmpty() ? "<choice>" : choice.prompts().get(0).text();
            return new Cause(Cause.Kind.CHOICE, "the choice \"" + prompt + "\" now selects "
                    + (sel == null ? "nothing" : sel.name()) + (oldConfig != null && oldTree != null
                            && oldTree.symbols().find(s.name()) != null
                            && oldTree.symbols().find(s.name()).parentChoice() == null ? " (" + s.name()
                                    + " was not part of a choice before)" : ""),
                    sel == null ? List.of() : List.of(sel.name()));
        }
        if (choice != null && oldTree != null) {
            Symbol o = oldTree.symbols().find(s.name());
            if (o != null && o.parentChoice() == null) {
                return Cause.of(Cause.Kind.CHOICE, s.name() + " moved into a choice");
            }
        }
        return blockedCause(config, s, before, "cannot be " + before.text() + " any more");
    }

    /** Why {@code s} cannot reach {@code needed}: its dependencies, its prompt, or no way to set it. */
    private Cause blockedCause(Configuration config, Symbol s, Tristate needed, String what) {
        Tristate dir = config.directDependency(s);
        if (dir.compareTo(needed) < 0 && s.directDependency() != null) {
            List<Expr> failing = failingTerms(config, s.directDependency(), needed);
            List<String> blockers = blockers(failing);
            StringBuilder t = new StringBuilder(s.name()).append(' ').append(what).append(": it depends on ");
            t.append(join(failing, config));
            t.append(dependencyHistory(s, failing));
            return new Cause(Cause.Kind.DEPENDENCY_NOT_MET, t.toString(), blockers);
        }
        if (s.prompts().isEmpty() && !s.type().isTristateLike() && s.defaults().size() > 0
                && s.defaults().get(0).value() instanceof Expr.Sym d && !d.symbol().isDefined()) {
            return Cause.of(Cause.Kind.DERIVED, s.name() + " is computed from the build environment (the toolchain"
                    + " probes); a config file cannot set it");
        }
        if (s.prompts().isEmpty()) {
            List<String> gone = oldSelectors(s);
            if (!gone.isEmpty()) {
                List<String> described = new ArrayList<>();
                for (String g : gone) {
                    Symbol now = newTree.symbols().find(g);
                    String state = now == null || !now.isDefined() ? "not in the new tree"
                            : config.tristate(now) == Tristate.NO ? "n now" : "no longer selects it";
                    described.add(g + " (" + state + ")");
                }
                return new Cause(Cause.Kind.SELECT_GONE, s.name() + " has no prompt and nothing selects it any more;"
                        + " it used to be selected by " + String.join(", ", described), gone);
            }
            return Cause.of(Cause.Kind.NOT_USER_SETTABLE, s.name() + " has no prompt: only defaults and selects can set it,"
                    + " and none gives " + needed.text() + " now");
        }
        Tristate vis = config.visibility(s);
        if (vis.compareTo(needed) < 0) {
            List<Expr> failing = new ArrayList<>();
            for (Property.Prompt p : s.prompts()) {
                if (p.condition() != null) {
                    failing.addAll(failingTerms(config, p.condition(), needed));
                }
            }
            return new Cause(Cause.Kind.PROMPT_HIDDEN, s.name() + " " + what + ": its prompt is hidden"
                    + (failing.isEmpty() ? "" : " by " + join(failing, config)), blockers(failing));
        }
        return Cause.of(Cause.Kind.OTHER, s.name() + " " + what);
    }

    private Cause explainText(Configuration config, Symbol s, String old) {
        Property.Range r = config.activeRange(s);
        if (r != null && (s.type() == Type.INT || s.type() == Type.HEX)) {
            int base = s.type() == Type.INT ? 10 : 16;
            long v = Numbers.parse(old, base);
            long lo = config.rangeBound(r.low(), base);
            long hi = config.rangeBound(r.high(), base);
            if (v < lo || v > hi) {
                return Cause.of(Cause.Kind.RANGE, s.name() + "=" + old + " is outside the range " + r.low() + ".." + r.high()
                        + " now (" + r.location() + ")");
            }
        }
        if (config.visibility(s) == Tristate.NO) {
            return blockedCause(config, s, Tristate.YES, "cannot be set any more");
        }
        return Cause.of(Cause.Kind.OTHER, s.name() + " changed");
    }

    private Cause explainNew(Configuration config, Symbol s) {
        String v = ConfigWriter.valueText(config, s);
        StringBuilder t = new StringBuilder(s.name()).append(" is not in your config");
        if (oldTree != null) {
            Symbol o = oldTree.symbols().find(s.name());
            t.append(o == null || !o.isDefined() ? " (new in this tree)" : "");
        }
        if (s.type().isTristateLike()) {
            Tristate val = config.tristate(s);
            if (config.reverseDependency(s) != Tristate.NO && config.reverseDependency(s).compareTo(val) >= 0) {
                t.append("; selected by ").append(activeSelectors(config, s));
            } else if (val == Tristate.NO && config.directDependency(s) == Tristate.NO && s.directDependency() != null) {
                List<Expr> failing = failingTerms(config, s.directDependency(), Tristate.MOD);
                t.append("; it is n because it depends on ").append(join(failing, config));
                return new Cause(Cause.Kind.NEW_SYMBOL, t.toString(), blockers(failing));
            } else {
                Property.Default d = config.activeDefault(s);
                t.append(d == null ? "; it has no default, so it is " + (v == null ? "n" : v)
                        : "; its default " + describe(d.value(), config) + " gives " + (v == null ? "n" : v));
            }
        } else {
            t.append("; it takes ").append(v);
        }
        return Cause.of(Cause.Kind.NEW_SYMBOL, t.toString());
    }

    /**
     * With the old tree: whether the failing dependency is new ("a new dependency; it used to
     * depend on ..."), or was there before and is what changed value.
     */
    private String dependencyHistory(Symbol s, List<Expr> failing) {
        if (oldTree == null) {
            return "";
        }
        Symbol o = oldTree.symbols().find(s.name());
        if (o == null || !o.isDefined()) {
            return "";
        }
        Set<String> before = new LinkedHashSet<>();
        if (o.directDependency() != null) {
            for (Expr t : Expr.conjuncts(o.directDependency())) {
                before.add(ExprPrinter.print(t));
            }
        }
        List<String> added = new ArrayList<>();
        for (Expr t : failing) {
            String p = ExprPrinter.print(t);
            if (!before.contains(p)) {
                added.add(p);
            }
        }
        if (added.isEmpty()) {
            return " (a dependency it already had, whose value changed)";
        }
        return " (a new dependency: it used to depend on "
                + (o.directDependency() == null ? "nothing" : ExprPrinter.print(o.directDependency())) + ")";
    }

    /** The symbols that selected {@code s} in the old tree with the user's config (needs the old tree). */
    private List<String> oldSelectors(Symbol s) {
        if (oldTree == null || oldConfig == null) {
            return List.of();
        }
        Symbol o = oldTree.symbols().find(s.name());
        if (o == null || o.reverseDependency() == null) {
            return List.of();
        }
        return selectorNames(oldConfig, o);
    }

    private static String activeSelectors(Configuration config, Symbol s) {
        List<String> names = selectorNames(config, s);
        return names.isEmpty() ? ExprPrinter.print(s.reverseDependency(), config) : String.join(", ", names);
    }

    private static List<String> selectorNames(Configuration config, Symbol s) {
        List<String> out = new ArrayList<>();
        for (Expr term : Expr.disjuncts(s.reverseDependency())) {
            if (config.eval(term) != Tristate.NO) {
                Symbol selector = firstSymbol(term);
                if (selector != null && selector.name() != null) {
                    out.add(selector.name());
                }
            }
        }
        return out;
    }

    // ======================================================================
    // expression helpers
    // ======================================================================

    /** The conjuncts of {@code e} that evaluate below {@code needed} (the whole e if it is not an AND). */
    static List<Expr> failingTerms(Configuration config, Expr e, Tristate needed) {
        return Expr.failingConjuncts(e, config::eval, needed);
    }

    private static Symbol firstSymbol(Expr e) {
        List<Symbol> mentioned = Expr.symbolsOf(e);
        return mentioned.isEmpty() ? null : mentioned.get(0);
    }

    /** The named, defined symbols the terms mention, in order, each once. */
    static List<String> blockers(List<Expr> terms) {
        Set<String> out = new LinkedHashSet<>();
        for (Expr t : terms) {
            for (Symbol s : Expr.symbolsOf(t)) {
                if (!s.isConstant() && s.name() != null && s.isDefined()) {
                    out.add(s.name());
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** A default value as users read it: a literal as itself, an expression with its symbols' values. */
    private static String describe(Expr e, Configuration config) {
        if (e instanceof Expr.Sym s && (s.symbol().isConstant() || !s.symbol().isDefined())) {
            return s.symbol().name();
        }
        return ExprPrinter.print(e, config);
    }

    private static String join(List<Expr> terms, Configuration config) {
        List<String> parts = new ArrayList<>();
        for (Expr t : terms) {
            if (t instanceof Expr.Sym c && c.symbol().isConstant()) {
                parts.add(c.symbol().name() + " (" + MACRO_TERM
                        + c.symbol().name() + ")");
                continue;
            }
            if (t instanceof Expr.Sym u && !u.symbol().isDefined()) {
                parts.add(u.symbol().name() + " (not defined in this tree, so n)");
                continue;
            }
            String p = ExprPrinter.print(t, config);
            parts.add(t instanceof Expr.Or ? "(" + p + ")" : p);
        }
        return String.join(" && ", parts);
    }

    // ======================================================================
    // cascades and fixes
    // ======================================================================

    /** Files every finding under the first finding among its blockers; returns the roots. */
    private static List<Finding> nest(Map<String, Finding> bySymbol) {
        Map<String, String> parent = new HashMap<>();
        for (Finding f : bySymbol.values()) {
            for (String b : f.cause().blockers()) {
                Finding p = bySymbol.get(b);
                if (p != null && !b.equals(f.symbol()) && !createsCycle(parent, f.symbol(), b)) {
                    parent.put(f.symbol(), b);
                    break;
                }
            }
        }
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (Finding f : bySymbol.values()) {
            String p = parent.get(f.symbol());
            if (p != null) {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(f.symbol());
            }
        }
        List<Finding> roots = new ArrayList<>();
        for (Finding f : bySymbol.values()) {
            if (!parent.containsKey(f.symbol())) {
                roots.add(build(f, bySymbol, children));
            }
        }
        return roots;
    }

    private static boolean createsCycle(Map<String, String> parent, String child, String candidate) {
        String p = candidate;
        while (p != null) {
            if (p.equals(child)) {
                return true;
            }
            p = parent.get(p);
        }
        return false;
    }

    private static Finding build(Finding f, Map<String, Finding> bySymbol, Map<String, List<String>> children) {
        List<Finding> kids = new ArrayList<>();
        for (String c : children.getOrDefault(f.symbol(), List.of())) {
            kids.add(build(bySymbol.get(c), bySymbol, children));
        }
        Finding built = f.withConsequences(kids);
        if (f.kind() == Finding.Kind.NEW && !kids.isEmpty()) {
            // The HYPERV_VMBUS pattern: a new symbol that options the user had now depend on.
            long lost = countLosses(built);
            Cause c = f.cause();
            built = new Finding(f.kind(), f.symbol(), f.oldValue(), f.newValue(), f.line(),
                    new Cause(c.kind(), "new gate: " + lost + (lost == 1 ? " option of your config now depends on "
                            : " options of your config now depend on ") + f.symbol() + "; " + c.text(), c.blockers()),
                    built.consequences(), f.fix());
        }
        return built;
    }

    private static long countLosses(Finding f) {
        long n = 0;
        for (Finding c : f.consequences()) {
            n += (c.kind().isLoss() ? 1 : 0) + countLosses(c);
        }
        return n;
    }

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
