package dev.kconfig4j.session;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.conf.NewSymbols;
import dev.kconfig4j.conf.UserInput;
import dev.kconfig4j.confdata.AtomicFile;
import dev.kconfig4j.confdata.ConfigFile;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.confdata.ConfigWriter;
import dev.kconfig4j.confdata.DefconfigWriter;
import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.explain.DidYouMean;
import dev.kconfig4j.explain.Explainer;
import dev.kconfig4j.explain.Explanation;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.kbuild.KbuildMap;
import dev.kconfig4j.kbuild.KbuildTree;
import dev.kconfig4j.kbuild.ObjectRule;
import dev.kconfig4j.menu.Menu;
import dev.kconfig4j.menu.MenuInfo;
import dev.kconfig4j.menu.Visibility;
import dev.kconfig4j.solve.Answer;
import dev.kconfig4j.solve.Assignment;
import dev.kconfig4j.solve.Conflict;
import dev.kconfig4j.solve.Enabler;
import dev.kconfig4j.solve.Request;
import dev.kconfig4j.solve.SideEffect;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Definition;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.upgrade.Finding;
import dev.kconfig4j.upgrade.Fix;
import dev.kconfig4j.upgrade.UpgradeGuard;
import dev.kconfig4j.upgrade.UpgradeReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One person configuring one kernel: a loaded tree, the configuration being edited, the file it
 * came from and is saved to, undo and redo, and the answers of {@code why}, {@code enable} and the
 * upgrade guard for the values as they are now.
 *
 * <pre>{@code
 * ConfigSession s = ConfigSession.open(tree, Path.of(".config"));
 * MenuPage main = s.page(0, false);
 * Change c = s.set("USB_STORAGE", "m");      // c.values(): what else changed
 * s.undo();
 * EnablePlan p = s.enable(List.of("BTRFS_DEBUG"));
 * s.apply(p);
 * s.save();                                  // .config (and .config.old), as the kernel's conf writes
 * }</pre>
 *
 * <p>Values change as menuconfig changes them: the user's value is recorded with the kernel's
 * rules ({@link UserInput}) and everything else is re-evaluated. Plans and fixes are config lines,
 * applied as olddefconfig applies lines appended to the config, then checked. Every method is
 * synchronized: front-ends may call it from several threads. A method that rejects its input
 * throws {@link KconfigException} with a message for people and changes nothing.
 */
public final class ConfigSession {
    private static final String PREFIX = "CONFIG_";
    private static final int UNDO_LIMIT = 200;

    private final Kconfig tree;
    private final Path configPath;
    private final List<Menu> nodes;
    private final Map<Menu, Integer> ids = new IdentityHashMap<>();
    /** The config file the session started from, as read: which symbol each of its warnings concerns. */
    private final ConfigFile file;
    private final List<Diagnostic> readDiagnostics;
    private Configuration config;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();

    /** The values and shown entries after the last step: what the next step is compared with. */
    private String[] values;
    private boolean[] shown;
    /** Cached per configuration state; null after a change. */
    private Explainer explainer;
    private Set<String> changedFromDefault;
    private Set<String> newSymbols;

    /** Written once, under kbuildLock; read without it by {@link #details(int, boolean)}. */
    private volatile KbuildMap kbuild;
    private Map<String, List<String>> kbuildWords;

    private UpgradeGuard upgradeGuard;
    private String oldName;
    private String oldText;
    private UpgradeReview upgradeReview;

    /** A state to go back to: the user values, and what the step did. */
    private record Step(Configuration config, String description) {
    }

    /**
     * A session on {@code text} (the config's content, null for none: every symbol at its default),
     * read as olddefconfig reads it, to be saved to {@code configPath}.
     */
    public ConfigSession(Kconfig tree, Path configPath, String text) {
        this.tree = tree;
        this.configPath = configPath;
        this.nodes = new ArrayList<>();
        nodes.add(tree.root());
        nodes.addAll(tree.menusInOrder());
        for (int i = 0; i < nodes.size(); i++) {
            ids.put(nodes.get(i), i);
        }
        file = ConfigFile.of(configPath == null ? "(none)" : configPath.toString(), text == null ? "" : text);
        ConfigReader.Read read = ConfigReader.load(tree, file);
        config = read.configuration();
        readDiagnostics = read.diagnostics();
        // The values and shown entries the first change is compared with are recorded when that
        // change comes (or prepareChanges is called): the first page does not wait for them.
    }

    /** A session on the config file {@code configPath}, or on an empty config when it does not exist. */
    public static ConfigSession open(Kconfig tree, Path configPath) throws IOException {
        String text = Files.isRegularFile(configPath)
                ? new String(Files.readAllBytes(configPath), StandardCharsets.ISO_8859_1) : null;
        return new ConfigSession(tree, configPath, text);
    }

    public Kconfig tree() {
        return tree;
    }

    /** The file {@link #save()} writes. */
    public Path configPath() {
        return configPath;
    }

    /**
     * The warnings of this session, in order: those of loading the tree (what {@link Kconfig#diagnostics()}
     * kept), then those of reading the config. {@link #concerning(Diagnostic)} tells which symbol
     * each concerns.
     */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> all = new ArrayList<>(tree.diagnostics());
        all.addAll(readDiagnostics);
        return List.copyOf(all);
    }

    /**
     * The warnings of reading the config, as the kernel's conf gives them before it shows a menu
     * (the tree's were printed as it loaded).
     */
    public List<Diagnostic> readDiagnostics() {
        return readDiagnostics;
    }

    /**
     * The name of the symbol a warning of {@link #diagnostics()} concerns, or null when it concerns
     * none (a line of the config that assigns nothing, a warning without a location). A warning of
     * reading the config concerns the symbol its line assigns (known to the tree or not); a warning
     * of loading the tree concerns the symbol it names whose definition holds its line (from the
     * symbol's {@code config} line to the next entry of the same file).
     */
    public synchronized String concerning(Diagnostic d) {
        if (d.file() == null || d.line() < 1) {
            return null;
        }
        if (d.file().equals(file.name())) {
            return d.line() <= file.lines().size() ? file.lines().get(d.line() - 1).symbol() : null;
        }
        Menu holding = null;
        for (Menu m : nodes) {
            if (m.location() != null && d.file().equals(m.location().file()) && m.location().line() <= d.line()
                    && (holding == null || m.location().line() >= holding.location().line())) {
                holding = m;
            }
        }
        Symbol s = holding == null ? null : holding.symbol();
        return s != null && s.name() != null && Pattern.compile("\\b" + Pattern.quote(s.name()) + "\\b")
                .matcher(d.message()).find() ? s.name() : null;
    }

    /** The configuration as it is now (read it only; change it through the session). */
    public synchronized Configuration configuration() {
        return config;
    }

    // ======================================================================
    // the menu
    // ======================================================================

    /** The menu entry with this id, or an error for an unknown id. */
    private Menu node(int id) {
        if (id < 0 || id >= nodes.size()) {
            throw new KconfigException("no menu entry " + id);
        }
        return nodes.get(id);
    }

    /** The id of the first menu entry of {@code symbol} (a name, with or without CONFIG_). */
    public synchronized int entryOf(String symbol) {
        Symbol s = symbol(symbol);
        for (Definition m : s.definitions()) {
            if (m.hasPrompt()) {
                return ids.get(m);
            }
        }
        return ids.get(s.definitions().get(0));
    }

    /**
     * The page of entry {@code id} (0: the main menu): its lines as menuconfig shows them. With
     * {@code showAll}, entries the kernel hides are included, each with the reason it is hidden.
     */
    public synchronized MenuPage page(int id, boolean showAll) {
        Menu m = node(id);
        if (!opensPage(m)) {
            throw new KconfigException("menu entry " + id + " has no page of its own");
        }
        List<Entry> out = new ArrayList<>();
        addChildren(m, 0, showAll, out);
        return new MenuPage(id, title(m), path(m), out);
    }

    /** Whether an entry opens a page: the main menu, menus, choices and menuconfig symbols. */
    private static boolean opensPage(Menu m) {
        return m.kind() == Menu.Kind.ROOT || m.kind() == Menu.Kind.MENU || m.kind() == Menu.Kind.CHOICE
                || (m.kind() == Menu.Kind.SYMBOL && m.isMenuconfig());
    }

    private String title(Menu m) {
        return m.kind() == Menu.Kind.ROOT ? tree.mainMenu() : m.promptText();
    }

    /** The page that shows entry {@code m}: its nearest ancestor that opens a page. */
    private Menu pageOf(Menu m) {
        Menu p = m.parent();
        while (p != null && !opensPage(p)) {
            p = p.parent();
        }
        return p == null ? tree.root() : p;
    }

    /** The pages from the main menu down to {@code page}. */
    private List<MenuPage.Crumb> path(Menu page) {
        List<MenuPage.Crumb> out = new ArrayList<>();
        for (Menu p = page; p != null; p = p.parent() == null ? null : pageOf(p)) {
            out.add(0, new MenuPage.Crumb(ids.get(p), title(p)));
            if (p.kind() == Menu.Kind.ROOT) {
                break;
            }
        }
        return out;
    }

    private void addChildren(Menu parent, int depth, boolean showAll, List<Entry> out) {
        for (Menu c : parent.children()) {
            if (c.kind() == Menu.Kind.IF || !c.hasPrompt()) {
                // Promptless entries are never shown; the kernel lifts their dependents elsewhere.
                if (showAll && c.kind() == Menu.Kind.SYMBOL) {
                    out.add(entry(c, depth));
                }
                continue;
            }
            boolean visible = isShown(c);
            if (!visible && !showAll) {
                continue;
            }
            out.add(entry(c, depth));
            if (!opensPage(c)) {
                addChildren(c, depth + 1, showAll, out);
            }
        }
    }

    private boolean isShown(Menu m) {
        return Visibility.isShown(config, m, s -> { });
    }

    /** The line of one entry. */
    private Entry entry(Menu m, int depth) {
        boolean visible = m.hasPrompt() && isShown(m);
        String reason = visible ? null : hiddenReason(m);
        Symbol s = m.symbol();
        if (s == null) {
            Entry.Kind kind = m.kind() == Menu.Kind.COMMENT ? Entry.Kind.COMMENT : Entry.Kind.MENU;
            return new Entry(ids.get(m), kind, depth, m.promptText(), null, null, null, "", false, visible, reason,
                    false, List.of(), null, kind == Entry.Kind.MENU, null, kind == Entry.Kind.MENU && !showsAnyEntry(m));
        }
        if (s.isChoice()) {
            Symbol sel = config.selection(s);
            String selPrompt = sel == null ? null : promptOf(sel);
            return new Entry(ids.get(m), Entry.Kind.CHOICE, depth, m.promptText(), s.name(),
                    typeName(config.effectiveType(s)), sel == null ? null : sel.name(), "", false, visible, reason,
                    visible, List.of(), null, true, selPrompt, false);
        }
        Type type = config.effectiveType(s);
        boolean changeable = m.hasPrompt() && UserInput.isChangeable(config, s);
        List<String> allowed = new ArrayList<>();
        if (s.type().isTristateLike() && changeable) {
            for (Tristate v : Tristate.values()) {
                if (v == config.tristate(s) || UserInput.withinRange(config, s, v)) {
                    allowed.add(v.text());
                }
            }
        }
        String range = null;
        if (type == Type.INT || type == Type.HEX) {
            var r = config.activeRange(s);
            if (r != null) {
                range = config.string(r.low()) + " " + config.string(r.high());
            }
        }
        boolean menuconfig = m.isMenuconfig();
        return new Entry(ids.get(m), menuconfig ? Entry.Kind.MENUCONFIG : Entry.Kind.SYMBOL, depth,
                m.promptText(), s.name(), typeName(type), config.string(s), valueText(s, changeable),
                !config.hasUserValue(s), visible, reason, changeable, allowed, range, menuconfig, null,
                menuconfig && !showsAnyEntry(m));
    }

    /** Whether the page of {@code m} shows at least one entry (without "show all"). */
    private boolean showsAnyEntry(Menu m) {
        for (Menu c : m.children()) {
            if (c.kind() == Menu.Kind.IF || !c.hasPrompt()) {
                continue;
            }
            if (isShown(c)) {
                return true;
            }
        }
        return false;
    }

    /** The value as menuconfig shows it before the prompt. */
    private String valueText(Symbol s, boolean changeable) {
        Type type = config.effectiveType(s);
        if (type == Type.BOOL || type == Type.TRISTATE) {
            Tristate v = config.tristate(s);
            if (s.parentChoice() != null && type == Type.BOOL) {
                return v == Tristate.YES ? "(X)" : "( )";
            }
            char c = v == Tristate.YES ? '*' : v == Tristate.MOD ? 'M' : ' ';
            if (!changeable) {
                return "-" + c + "-";
            }
            return type == Type.BOOL ? "[" + c + "]" : "<" + c + ">";
        }
        return "(" + config.string(s) + ")";
    }

    private static String promptOf(Symbol s) {
        for (Definition d : s.definitions()) {
            if (d.hasPrompt()) {
                return d.promptText();
            }
        }
        return s.name();
    }

    /** Why the kernel hides an entry: the first blocker of its symbol, or its failing condition. */
    private String hiddenReason(Menu m) {
        if (!m.hasPrompt()) {
            return "no prompt: only defaults and selects set it";
        }
        Symbol s = m.symbol();
        if (s != null && s.name() != null && !s.isChoice()) {
            List<Explanation.Blocker> blockers = explainer().explain(s).blockers();
            for (Explanation.Blocker b : blockers) {
                if (b.kind() != Explanation.BlockerKind.SELECTED) {
                    return b.text();
                }
            }
        }
        if (m.visibleIf() != null && config.eval(m.visibleIf()) == Tristate.NO) {
            return "visible if " + dev.kconfig4j.expr.ExprPrinter.print(m.visibleIf(), config);
        }
        return "depends on " + dev.kconfig4j.expr.ExprPrinter.print(
                dev.kconfig4j.expr.ExprPrinter.simplify(m.promptCondition(), tree.symbols(),
                        config.dialect().choicesByPriority()), config);
    }

    private static String typeName(Type t) {
        return t.keyword();
    }

    // ======================================================================
    // changing values
    // ======================================================================

    /**
     * Sets a symbol as menuconfig does: {@code y}/{@code m}/{@code n} for bool and tristate symbols
     * ({@code y} on a choice member selects it), the number for int and hex, the text (unquoted)
     * for strings. Everything else is re-evaluated.
     *
     * @return what changed
     * @throws KconfigException when the value is not acceptable now, saying why (the blocking term)
     */
    public synchronized Change set(String name, String value) {
        Symbol s = symbol(name);
        if (value == null) {
            throw new KconfigException(s.name() + ": no value given");
        }
        if (s.isChoice()) {
            throw new KconfigException("a choice takes the value of its members: set the member to y");
        }
        // The live configuration is changed in place (its memory of the last visibilities is what
        // the kernel's choice logic consults); undo keeps a copy of the user values before.
        prepareChanges();
        Configuration next = config;
        Configuration before = config.copyUserValues();
        if (s.type().isTristateLike()) {
            Tristate v = Tristate.parse(value);
            if (v == null) {
                throw new KconfigException(s.name() + " is " + s.type().keyword() + ": the value must be "
                        + (config.effectiveType(s) == Type.BOOL ? "y or n" : "y, m or n") + ", not '" + value + "'");
            }
            if (v != next.tristate(s) && !UserInput.withinRange(next, s, v)) {
                throw new KconfigException(blocked(s, v.text()));
            }
            Symbol choice = s.parentChoice();
            if (choice != null && v == Tristate.YES && next.effectiveType(s) == Type.BOOL) {
                UserInput.select(next, choice, s);
            } else {
                UserInput.setTristate(next, s, v);
            }
        } else {
            if (s.type() == Type.UNKNOWN) {
                throw new KconfigException(s.name() + " has no type in this tree");
            }
            if (next.visibility(s) == Tristate.NO) {
                throw new KconfigException(blocked(s, value));
            }
            if (!UserInput.setText(next, s, value)) {
                var r = next.activeRange(s);
                throw new KconfigException("'" + value + "' is not a valid " + s.type().keyword() + " value for "
                        + s.name() + (r == null ? "" : " (range " + next.string(r.low()) + " to "
                        + next.string(r.high()) + ")"));
            }
        }
        return commit(before, next, "set " + s.name() + "=" + value);
    }

    /** Why {@code s} cannot take {@code value}: the blockers of {@code why}, and where enable helps. */
    private String blocked(Symbol s, String value) {
        Explanation e = explainer().explain(s);
        StringBuilder sb = new StringBuilder(s.name()).append(" cannot be set to ").append(value).append(" here");
        if (s.type().isTristateLike() && config.effectiveType(s) == Type.BOOL && "m".equals(value)) {
            return sb.append(": it is bool (y or n)").toString();
        }
        List<String> reasons = new ArrayList<>();
        for (Explanation.Blocker b : e.blockers()) {
            reasons.add(b.text());
        }
        if (reasons.isEmpty() && e.bounds() != null) {
            reasons.add("the value can only be between " + e.bounds().min() + " and " + e.bounds().max());
        }
        if (!reasons.isEmpty()) {
            sb.append(": ").append(String.join("; ", reasons));
        }
        return sb.append(" (enable finds the lines that make it possible)").toString();
    }

    /** Makes {@code next} the configuration, remembering {@code before} (the user values until now) for undo. */
    private Change commit(Configuration before, Configuration next, String description) {
        prepareChanges();
        undo.push(new Step(before, description));
        while (undo.size() > UNDO_LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        config = next;
        return diff(description);
    }

    /** Goes back one step; the change lists what going back changed. */
    public synchronized Change undo() {
        if (undo.isEmpty()) {
            throw new KconfigException("nothing to undo");
        }
        prepareChanges();
        Step s = undo.pop();
        redo.push(new Step(config, s.description()));
        config = s.config();
        return diff("undo " + s.description());
    }

    /** Does the step undone last again. */
    public synchronized Change redo() {
        if (redo.isEmpty()) {
            throw new KconfigException("nothing to redo");
        }
        prepareChanges();
        Step s = redo.pop();
        undo.push(new Step(config, s.description()));
        config = s.config();
        return diff("redo " + s.description());
    }

    public synchronized boolean canUndo() {
        return !undo.isEmpty();
    }

    public synchronized boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Every value and shown entry now, compared with those after the previous step. */
    private Change diff(String description) {
        config.computeAll();
        explainer = null;
        changedFromDefault = null;
        newSymbols = null;
        String[] before = values;
        boolean[] shownBefore = shown;
        snapshot();
        List<Change.ValueChange> changes = new ArrayList<>();
        String asked = description.replaceFirst("^(undo |redo )?set ", "").replaceFirst("=.*", "");
        for (Symbol s : tree.symbols().all()) {
            int i = s.id();
            if (s.isConstant() || s.isChoice() || s.name() == null || java.util.Objects.equals(before[i], values[i])) {
                continue;
            }
            Change.ValueChange c = new Change.ValueChange(s.name(), before[i], values[i]);
            if (s.name().equals(asked)) {
                changes.add(0, c);
            } else {
                changes.add(c);
            }
        }
        List<Change.VisibilityChange> vis = new ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) {
            if (shownBefore[i] != shown[i]) {
                Menu m = nodes.get(i);
                vis.add(new Change.VisibilityChange(i, m.promptText(), m.symbol() == null ? null : m.symbol().name(),
                        shown[i]));
            }
        }
        return new Change(description, changes, vis, !undo.isEmpty(), !redo.isEmpty());
    }

    /**
     * Records, unless done already, every value and shown entry of the configuration as it is: what
     * the next change is compared with. A change does it first; a front-end can call it ahead,
     * after its first page, so that the first change is as fast as the others.
     */
    public synchronized void prepareChanges() {
        if (values == null) {
            snapshot();
        }
    }

    /** Records every value (as .config writes it; null when not written) and every shown entry. */
    private void snapshot() {
        String[] v = new String[tree.symbols().size()];
        for (Symbol s : tree.symbols().all()) {
            if (!s.isConstant() && !s.isChoice() && s.name() != null) {
                v[s.id()] = ConfigWriter.valueText(config, s);
            }
        }
        boolean[] sh = new boolean[nodes.size()];
        for (int i = 1; i < nodes.size(); i++) {
            Menu m = nodes.get(i);
            sh[i] = m.hasPrompt() && isShown(m);
        }
        values = v;
        shown = sh;
    }

    // ======================================================================
    // config lines: enable plans and upgrade fixes
    // ======================================================================

    /**
     * The user values as config lines, in menu order: the config the session is, for the tools that
     * take a config's text (why, enable).
     */
    public synchronized String userValuesText() {
        StringBuilder sb = new StringBuilder();
        Set<Symbol> done = new HashSet<>();
        for (Menu m : tree.menusInOrder()) {
            Symbol s = m.symbol();
            if (s == null || s.isChoice() || s.name() == null || !config.hasUserValue(s) || !done.add(s)) {
                continue;
            }
            if (s.type().isTristateLike()) {
                Tristate v = config.userTristate(s);
                sb.append(v == Tristate.NO ? "# " + PREFIX + s.name() + " is not set" : PREFIX + s.name() + "=" + v.text());
            } else if (s.type() == Type.STRING) {
                sb.append(PREFIX).append(s.name()).append("=\"").append(ConfigWriter.escape(config.userString(s))).append('"');
            } else {
                sb.append(PREFIX).append(s.name()).append('=').append(config.userString(s));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Applies config lines as olddefconfig applies lines appended to the config; {@code check}
     * tells whether the result is the intended one. The session's own values are used first; if
     * they do not give the intended result (a choice's priority order can differ from the one
     * the lines were computed for), the lines are applied to {@link #userValuesText()} exactly as
     * they were verified.
     */
    private Change applyLines(List<String> lines, String description, java.util.function.Predicate<Configuration> check) {
        String added = String.join("\n", lines) + "\n";
        Configuration next = config.copyUserValues();
        ConfigReader reader = new ConfigReader(tree, next, new Diagnostics(), PREFIX, false);
        reader.apply(name(), added);
        reader.afterRead();
        if (!check.test(next)) {
            next = ConfigReader.load(tree, name(), userValuesText() + added).configuration();
        }
        return commit(config, next, description);
    }

    private String name() {
        return configPath == null ? ".config" : configPath.toString();
    }

    /**
     * The smallest verified plan that gives the requested values ({@code FOO}: enabled;
     * {@code FOO=m}; {@code FOO=n}; {@code NR_CPUS=64}), for the values as they are now.
     */
    public synchronized EnablePlan enable(List<String> requests) {
        if (requests.isEmpty()) {
            throw new KconfigException("enable: no symbol given");
        }
        List<Request> wanted = new ArrayList<>();
        for (String r : requests) {
            wanted.add(Request.parse(tree.symbols(), r.trim()));
        }
        Answer a = new Enabler(tree, name(), userValuesText()).solve(wanted);
        List<String> asked = wanted.stream().map(Request::toString).toList();
        if (!a.solved()) {
            List<String> conflict = new ArrayList<>();
            for (Conflict.Reason r : a.conflict().reasons()) {
                conflict.add(r.toString());
            }
            return new EnablePlan(asked, false, List.of(), false, List.of(), conflict, a.millis());
        }
        List<Change.ValueChange> changes = new ArrayList<>();
        for (Assignment x : a.solution().assignments()) {
            String before = ConfigWriter.valueText(config, x.symbol());
            changes.add(new Change.ValueChange(x.symbol().name(), before, x.value()));
        }
        for (SideEffect e : a.solution().sideEffects()) {
            changes.add(new Change.ValueChange(e.symbol(), e.before(), e.after()));
        }
        return new EnablePlan(asked, true, a.solution().lines(), a.solution().minimum(), changes, List.of(),
                a.millis());
    }

    /** Applies a plan of {@link #enable} in one step (undoable). */
    public synchronized Change apply(EnablePlan plan) {
        if (!plan.solved()) {
            throw new KconfigException("enable " + String.join(" ", plan.requests()) + " has no solution to apply");
        }
        List<Request> wanted = new ArrayList<>();
        for (String r : plan.requests()) {
            wanted.add(Request.parse(tree.symbols(), r));
        }
        return applyLines(plan.lines(), "enable " + String.join(" ", plan.requests()),
                c -> Enabler.holds(c, wanted));
    }

    // ======================================================================
    // upgrade review
    // ======================================================================

    /**
     * Sets the config the session's tree is an upgrade of ({@code oldText}, named {@code oldName}),
     * and the tree it came from ({@code oldTree}, null when not known), for {@link #upgradeReview}.
     */
    public void reviewUpgradeOf(String oldName, String oldText, Kconfig oldTree) {
        synchronized (upgradeLock) {
            this.oldName = oldName;
            this.oldText = oldText;
            this.upgradeGuard = new UpgradeGuard(tree, oldTree);
            this.upgradeReview = null;
        }
    }

    /** Whether an old config was given for review. */
    public boolean hasUpgradeReview() {
        synchronized (upgradeLock) {
            return upgradeGuard != null;
        }
    }

    /** Whether {@link #upgradeReview} has its answer already (it takes a while on a real tree). */
    public boolean upgradeReviewReady() {
        synchronized (upgradeLock) {
            return upgradeReview != null;
        }
    }

    /**
     * The review depends only on the old config and the tree, not on the values being edited: it
     * has a lock of its own, so that a front-end can compute it in the background while editing.
     */
    private final Object upgradeLock = new Object();

    /**
     * The upgrade guard's report for the old config, in the report's order: the root causes that
     * take options the user chose (the largest first, each with its verified fix), the other
     * values the user could set, the rest counted by class. Computed once.
     */
    public UpgradeReview upgradeReview() {
        synchronized (upgradeLock) {
            if (upgradeGuard == null) {
                throw new KconfigException("no old config to review (start with an old config)");
            }
            if (upgradeReview == null) {
                upgradeReview = UpgradeReview.of(upgradeGuard.analyze(oldName, oldText));
            }
            return upgradeReview;
        }
    }

    /**
     * Applies the fix of the finding for {@code symbol} (or, with null, the combined fix of every
     * loss) in one step (undoable); the change shows what it restored.
     */
    public synchronized Change applyFix(String symbol) {
        UpgradeReport r = upgradeReview().report();
        Fix fix;
        Finding finding = null;
        if (symbol == null) {
            fix = r.fix();
        } else {
            String name = symbol.startsWith(PREFIX) ? symbol.substring(PREFIX.length()) : symbol;
            for (Finding f : r.allFindings()) {
                if (f.symbol().equals(name)) {
                    finding = f;
                    break;
                }
            }
            if (finding == null) {
                throw new KconfigException("the upgrade review has no finding for " + name);
            }
            fix = finding.fix();
        }
        if (fix == null || fix.lines().isEmpty()) {
            throw new KconfigException("no fix to apply" + (fix == null ? "" : ": " + fix.note()));
        }
        Finding target = finding;
        return applyLines(fix.lines(), "fix " + (symbol == null ? "every loss" : symbol),
                c -> target == null || target.oldValue() == null
                        || target.oldValue().equals(ConfigWriter.valueText(c, tree.symbols().find(target.symbol()))));
    }

    // ======================================================================
    // search
    // ======================================================================

    /** The entries matching a query, in menu order. */
    public synchronized List<SearchHit> search(SearchQuery q) {
        java.util.function.Predicate<String> p;
        if (q.regex()) {
            try {
                // The texts are lower case already (see haystacks); the flag makes upper-case patterns match too.
                Pattern re = Pattern.compile(q.text(), Pattern.CASE_INSENSITIVE);
                p = t -> re.matcher(t).find();
            } catch (PatternSyntaxException e) {
                throw new KconfigException("not a regular expression: " + e.getDescription() + " near index "
                        + e.getIndex() + " of '" + q.text() + "'");
            }
        } else {
            String needle = q.text().toLowerCase(Locale.ROOT);
            p = t -> t.contains(needle);
        }
        String[][] hay = haystacks();
        Set<Symbol> selectedTargets = null;
        if (q.selectedBy() != null && !q.selectedBy().isBlank()) {
            Symbol by = symbol(q.selectedBy().trim());
            selectedTargets = new HashSet<>();
            for (var sel : by.selects()) {
                selectedTargets.add(sel.target());
            }
        }
        Set<String> changed = q.changed() ? changedFromDefault() : null;
        Set<String> fresh = q.onlyNew() ? newSymbols() : null;
        Map<String, List<String>> words = q.fields().contains(SearchQuery.Field.KBUILD) && !q.text().isEmpty()
                ? kbuildWords() : Map.of();
        prepareChanges(); // the shown entries
        List<SearchHit> out = new ArrayList<>();
        for (int i = 1; i < nodes.size() && out.size() < q.limit(); i++) {
            Menu m = nodes.get(i);
            Symbol s = m.symbol();
            if (m.kind() == Menu.Kind.IF || (s == null && !m.hasPrompt())) {
                continue;
            }
            boolean visible = shown[i];
            if (q.hidden() && visible) {
                continue;
            }
            String name = s == null ? null : s.name();
            if (selectedTargets != null && (s == null || !selectedTargets.contains(s))) {
                continue;
            }
            if (changed != null && (name == null || !changed.contains(name))) {
                continue;
            }
            if (fresh != null && (name == null || !fresh.contains(name))) {
                continue;
            }
            List<String> matched = new ArrayList<>();
            if (!q.text().isEmpty()) {
                String[] h = hay[i];
                if (q.fields().contains(SearchQuery.Field.NAME) && p.test(h[0])) {
                    matched.add("name");
                }
                if (q.fields().contains(SearchQuery.Field.PROMPT) && p.test(h[1])) {
                    matched.add("prompt");
                }
                if (q.fields().contains(SearchQuery.Field.HELP) && p.test(h[2])) {
                    matched.add("help");
                }
                if (q.fields().contains(SearchQuery.Field.FILE) && p.test(h[3])) {
                    matched.add("file");
                }
                if (name != null) {
                    for (String w : words.getOrDefault(name, List.of())) {
                        if (p.test(w)) {
                            matched.add("builds " + w);
                            break;
                        }
                    }
                }
                if (matched.isEmpty()) {
                    continue;
                }
            }
            Menu page = pageOf(m);
            out.add(new SearchHit(i, ids.get(page), name, m.promptText(),
                    s == null || s.isChoice() ? null : config.string(s), m.location().toString(), path(page), visible,
                    matched));
        }
        return out;
    }

    /** Per entry, the searchable texts in lower case: name, prompt, help, file (empty when none). */
    private String[][] haystacks() {
        if (haystacks == null) {
            String[][] h = new String[nodes.size()][];
            for (int i = 0; i < h.length; i++) {
                Menu m = nodes.get(i);
                Symbol s = m.symbol();
                h[i] = new String[] {lower(s == null ? null : s.name()), lower(m.promptText()), lower(m.help()),
                    lower(m.location().file())};
            }
            haystacks = h;
        }
        return haystacks;
    }

    private String[][] haystacks;

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** Symbols whose value differs from their default: exactly those savedefconfig writes. */
    private Set<String> changedFromDefault() {
        if (changedFromDefault == null) {
            changedFromDefault = new HashSet<>(ConfigFile.of("defconfig",
                    new DefconfigWriter(tree, config, PREFIX).defconfig(), PREFIX).assignments().keySet());
        }
        return changedFromDefault;
    }

    /** Symbols oldconfig would ask about: visible, settable, and without a value from the config. */
    private Set<String> newSymbols() {
        if (newSymbols == null) {
            Set<String> names = new HashSet<>();
            for (Symbol s : new NewSymbols(tree, config.copyUserValues()).find()) {
                names.add(s.name());
            }
            newSymbols = names;
        }
        return newSymbols;
    }

    // ======================================================================
    // help and details
    // ======================================================================

    /**
     * Everything about entry {@code id}: help, locations, why it has its value, what it builds
     * (reading the Makefiles first if that has not happened yet).
     */
    public Details details(int id) {
        return details(id, true);
    }

    /**
     * Like {@link #details(int)}; without {@code waitForMakefiles}, {@link Details#builds()} is null
     * while the Makefiles are still being read (see {@link #kbuild()}), so that an interactive
     * front-end answers at once and asks again later.
     */
    public Details details(int id, boolean waitForMakefiles) {
        // Outside the session's lock: reading the Makefiles must not hold up other requests.
        KbuildMap map = waitForMakefiles ? kbuild() : kbuild;
        synchronized (this) {
            return details(id, map, waitForMakefiles || kbuildFailed);
        }
    }

    private Details details(int id, KbuildMap map, boolean known) {
        Menu m = node(id);
        Symbol s = m.symbol();
        List<Details.Definition> defs = new ArrayList<>();
        List<Menu> where = s == null ? List.of(m) : Menu.entriesOf(s);
        for (Menu d : where) {
            defs.add(new Details.Definition(ids.get(d), d.location().toString(), d.promptText(), path(pageOf(d))));
        }
        String kernelHelp = MenuInfo.help(config, m);
        if (s == null) {
            return new Details(id, null, m.promptText(), m.help(), kernelHelp, defs, null, null);
        }
        String help = m.help();
        if (help == null) {
            for (Definition d : s.definitions()) {
                if (d.help() != null) {
                    help = d.help();
                    break;
                }
            }
        }
        Explanation why = s.name() == null ? null : explainer().explain(s);
        Details.Builds builds = s.name() == null || (map == null && !known) ? null : builds(map, s.name());
        return new Details(id, s.name(), m.promptText(), help, kernelHelp, defs, why, builds);
    }

    /** Why {@code symbol} has its value (the explanation of {@code kconfig4j why}). */
    public synchronized Explanation why(String symbol) {
        return explainer().explain(symbol(symbol));
    }

    private Explainer explainer() {
        if (explainer == null) {
            String label = configPath == null ? "session" : configPath.getFileName().toString();
            explainer = new Explainer(tree, config, ConfigFile.of(label, userValuesText()), readDiagnostics);
        }
        return explainer;
    }

    /** What the Makefiles build from {@code symbol}. */
    private static Details.Builds builds(KbuildMap map, String symbol) {
        if (map == null) {
            return new Details.Builds(List.of(), List.of(), List.of(), 0);
        }
        KbuildMap.Controlled c = map.controlledBy(symbol);
        List<String> objects = new ArrayList<>();
        for (KbuildMap.BuiltObject o : c.objects()) {
            String in = o.builtin().isFalse() ? "never built in" : "built in when " + o.builtin();
            String mod = o.module() == null ? "in lib.a" : o.modular().isFalse() ? "never a module"
                    : "module " + o.module() + ".ko when " + o.modular();
            objects.add(o.path() + ": " + in + "; " + mod + " (" + o.where() + ")");
        }
        List<String> dirs = new ArrayList<>();
        for (KbuildMap.Reach r : c.directories()) {
            dirs.add(map.target(r) + "/ (" + r.list() + " when " + r.when() + ", " + r.listing() + ")");
        }
        List<String> forced = new ArrayList<>();
        for (ObjectRule r : map.forcedBuiltin(symbol)) {
            forced.add("built in even when " + symbol + "=m: " + r.describe());
        }
        for (ObjectRule r : map.forcedModule(symbol)) {
            forced.add("a module even when " + symbol + "=y: " + r.describe());
        }
        return new Details.Builds(objects, dirs, forced, c.objectsBelow());
    }

    /**
     * The Makefiles of the tree read for its architecture (read on first use; null when the tree
     * has none that can be read). A front-end may call this early on another thread.
     */
    public KbuildMap kbuild() {
        synchronized (kbuildLock) {
            if (kbuild == null && !kbuildFailed) {
                try {
                    String arch = tree.options().environment().get("SRCARCH");
                    kbuild = KbuildTree.walk(tree.options().srctree(), arch != null ? arch
                            : tree.options().environment().get("ARCH"));
                } catch (RuntimeException e) {
                    kbuildFailed = true;
                }
            }
            return kbuild;
        }
    }

    private final Object kbuildLock = new Object();
    private volatile boolean kbuildFailed;

    /** Symbol name to the objects, modules and directories its conditions list (lower case, for search). */
    private Map<String, List<String>> kbuildWords() {
        if (kbuildWords == null) {
            KbuildMap map = kbuild();
            Map<String, List<String>> words = new java.util.HashMap<>();
            if (map != null) {
                for (KbuildMap.BuiltObject o : map.objects()) {
                    Set<String> syms = new LinkedHashSet<>(o.listedBuiltin().symbols());
                    syms.addAll(o.listedModular().symbols());
                    for (String sym : syms) {
                        List<String> l = words.computeIfAbsent(sym, k -> new ArrayList<>());
                        l.add(lower(o.path()));
                        if (o.module() != null) {
                            l.add(lower(o.module() + ".ko"));
                        }
                    }
                }
                for (KbuildMap.Directory d : map.directories()) {
                    for (KbuildMap.Reach r : d.reachedVia()) {
                        for (String sym : r.when().symbols()) {
                            words.computeIfAbsent(sym, k -> new ArrayList<>()).add(lower(d.path() + "/"));
                        }
                    }
                }
            }
            kbuildWords = words;
        }
        return kbuildWords;
    }

    // ======================================================================
    // saving
    // ======================================================================

    /** The {@code .config} the kernel's conf writes for the values as they are now. */
    public synchronized String dotConfig() {
        return new ConfigWriter(tree, config, PREFIX).dotConfig();
    }

    /** The minimal config ({@code savedefconfig}) for the values as they are now. */
    public synchronized String minimalConfig() {
        return new DefconfigWriter(tree, config, PREFIX).defconfig();
    }

    /**
     * Writes {@link #dotConfig()} to the session's config file, atomically, keeping the previous
     * content in {@code .config.old} as the kernel does; nothing is written when the file already
     * holds exactly this content.
     */
    public synchronized Saved save() throws IOException {
        if (configPath == null) {
            throw new KconfigException("this session has no config file to save to");
        }
        return write(configPath, configPath.resolveSibling(configPath.getFileName() + ".old"), dotConfig());
    }

    /** Writes {@link #minimalConfig()} to {@code target}, atomically. */
    public synchronized Saved saveMinimal(Path target) throws IOException {
        return write(target, null, minimalConfig());
    }

    private static Saved write(Path target, Path backup, String text) throws IOException {
        if (Files.isDirectory(target)) {
            throw new KconfigException(target + ": Is a directory");
        }
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return new Saved(target.toString(), null, false, bytes.length);
        }
        boolean existed = Files.exists(target);
        if (backup != null) {
            AtomicFile.replace(target, bytes, backup);
        } else {
            AtomicFile.write(target, bytes);
        }
        return new Saved(target.toString(), backup != null && existed ? backup.toString() : null, true, bytes.length);
    }

    // ======================================================================

    /** A defined symbol by name (with or without CONFIG_), or an error that suggests a close name. */
    private Symbol symbol(String given) {
        String name = given.startsWith(PREFIX) ? given.substring(PREFIX.length()) : given;
        Symbol s = tree.symbols().find(name);
        if (s != null && !s.isConstant() && s.isDefined()) {
            return s;
        }
        String guess = DidYouMean.closest(tree, name);
        throw new KconfigException("unknown symbol " + given + (guess == null ? "" : " (did you mean " + guess + "?)"));
    }
}
