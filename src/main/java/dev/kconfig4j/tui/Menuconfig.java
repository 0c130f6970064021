package dev.kconfig4j.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.session.Change;
import dev.kconfig4j.session.ConfigSession;
import dev.kconfig4j.session.EnablePlan;
import dev.kconfig4j.session.Entry;
import dev.kconfig4j.session.Entry.Kind;
import dev.kconfig4j.session.MenuPage;
import dev.kconfig4j.session.Saved;
import dev.kconfig4j.session.SearchHit;
import dev.kconfig4j.session.SearchQuery;
import dev.kconfig4j.session.UpgradeReview;
import dev.kconfig4j.upgrade.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The terminal configurator: menuconfig's screen and keys over a {@link ConfigSession}.
 *
 * <p>The main window lists the current menu page as {@code make menuconfig} does ({@code [*]},
 * {@code <M>}, {@code -*-} for a value that select fixes, {@code (value)}, {@code --->} for
 * submenus, {@code *** comments ***}, {@code (NEW)}). The keys are menuconfig's (arrows, Enter,
 * y/m/n/space, ? help, / search, z show hidden entries, Esc Esc back, Tab for the buttons, the
 * first letter of a prompt to jump to it), plus the session's answers: e shows the verified plan
 * that enables the entry under the cursor and applies it with one key, u and r undo and redo, g
 * opens the upgrade review. Leaving with unsaved changes asks menuconfig's question.
 *
 * <p>It draws on any Lanterna {@link Screen}: a real terminal for the command, a virtual one for the
 * tests. {@link #handle} and {@link #draw} are the whole interaction; {@link #run} loops over them.
 */
public final class Menuconfig {
    /** How the configurator ended. */
    public enum Exit {
        /** Saved on the way out. */
        SAVED,
        /** Left with unsaved changes, without saving. */
        NOT_SAVED,
        /** Nothing to save: the config file already holds these values. */
        UNCHANGED
    }

    private static final String INSTRUCTIONS = "Arrow keys navigate the menu.  <Enter> selects submenus --->."
            + "  Pressing <Y> includes, <N> excludes, <M> modularizes features.  Press <Esc><Esc> to"
            + " exit, <?> for Help, </> for Search, <z> to show hidden entries, <e> to enable a blocked one, <u>/<r>"
            + " to undo/redo.";
    private static final String REVIEW = "  <g> reviews the upgrade.";
    private static final String LEGEND = "  Legend: [*] built-in  [ ] excluded  <M> module  < > module capable";
    private static final List<String> BUTTONS = List.of("<Select>", "< Exit >", "< Help >", "< Save >", "<Minimal>",
            "<Search>", "< Undo >");

    /** A page the person has opened, with where the cursor was. */
    private static final class Level {
        final int pageId;
        int cursorId = -1;
        int cursor;
        int top;

        Level(int pageId) {
            this.pageId = pageId;
        }
    }

    private final ConfigSession session;
    private final Screen screen;
    private final Glyphs glyphs;
    private final Path minimalFile;
    private final Deque<Level> levels = new ArrayDeque<>();
    private final Deque<Dialog> dialogs = new ArrayDeque<>();
    /** The config file's content as last read or saved: what "unsaved changes" compares with. */
    private String savedText;
    private MenuPage page;
    private boolean showAll;
    private final DoubleEscape escape = new DoubleEscape();
    private int button;
    private int listRows = 10;
    private String message;
    private Exit exit;
    /** The tree's Makefiles, read in the background from the start (help and search use them). */
    private final CompletableFuture<Void> makefiles;

    /**
     * @param savedText the config file's content when the session was opened (null: no file), so that
     *     leaving asks to save whenever the file would change, as menuconfig asks after reading a
     *     config that needed updating
     * @param minimalFile where "save minimal" writes the savedefconfig form
     */
    public Menuconfig(ConfigSession session, String savedText, Path minimalFile, Screen screen, Glyphs glyphs) {
        this.session = session;
        this.savedText = savedText;
        this.minimalFile = minimalFile;
        this.screen = screen;
        this.glyphs = glyphs;
        levels.push(new Level(0));
        makefiles = CompletableFuture.runAsync(session::kbuild, r -> {
            Thread t = new Thread(r, "kbuild");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * Draws, then handles keys until the person leaves; redraws after every key and whenever the
     * terminal changes size. The caller owns the screen (starts and stops it).
     */
    public Exit run() throws IOException {
        draw();
        while (exit == null) {
            KeyStroke k = screen.pollInput();
            if (k == null) {
                if (screen.doResizeIfNecessary() != null) {
                    draw();
                }
                try {
                    Thread.sleep(15);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Exit.NOT_SAVED;
                }
                continue;
            }
            if (k.getKeyType() == KeyType.EOF) {
                // The terminal is gone (a dropped connection): nothing can be asked any more.
                return Exit.NOT_SAVED;
            }
            handle(k);
            if (exit == null) {
                screen.doResizeIfNecessary();
                draw();
            }
        }
        return exit;
    }

    /** How it ended; null while it runs. */
    public Exit exit() {
        return exit;
    }

    // ---------------------------------------------------------------- drawing

    /** Draws the whole screen: the menu, and the open dialog over it. */
    public void draw() throws IOException {
        Painter p = new Painter(screen.newTextGraphics(), glyphs);
        p.background(backtitle());
        if (p.width() < 40 || p.height() < 12) {
            List<String> lines = Painter.wrap("Your display is too small: " + p.width() + "x" + p.height()
                    + " (menuconfig needs at least 40x12).", p.width() - 2);
            for (int i = 0; i < lines.size(); i++) {
                p.text(1, 2 + i, lines.get(i), p.width() - 2);
            }
        } else {
            drawMenu(p);
            Dialog d = dialogs.peek();
            if (d != null) {
                d.draw(p);
            }
        }
        screen.setCursorPosition(null);
        screen.refresh();
    }

    private String backtitle() {
        Path config = session.configPath();
        return (config == null ? ".config" : config.getFileName().toString()) + " - " + session.tree().mainMenu();
    }

    private void drawMenu(Painter p) {
        MenuPage pg = page();
        Level level = levels.peek();
        int width = p.width() - 2;
        int left = 1;
        p.box(left, 2, width, p.height() - 2, pg.title() + (showAll ? " (all entries)" : ""));
        int inner = width - 4;
        String help = INSTRUCTIONS + (session.hasUpgradeReview() ? REVIEW : "") + LEGEND;
        List<String> text = Painter.wrap(help, inner);
        int textRows = Math.max(1, Math.min(text.size(), p.height() - 19));
        for (int i = 0; i < textRows; i++) {
            p.text(left + 2, 3 + i, text.get(i), inner);
        }
        int statusRow = 3 + textRows;
        int listTop = statusRow + 1;
        int listBottom = p.height() - 4;
        listRows = listBottom - listTop - 1;
        p.frame(left + 1, listTop, width - 2, listBottom - listTop + 1);
        clampCursor(level);
        List<Entry> entries = pg.entries();
        for (int i = 0; i < listRows; i++) {
            int n = level.top + i;
            String line = n < entries.size() ? line(entries.get(n)) : "";
            p.highlighted(left + 2, listTop + 1 + i, line, width - 4, n == level.cursor);
        }
        if (level.top > 0) {
            p.text(left + 4, listTop, "^(-)", 4);
        }
        if (level.top + listRows < entries.size()) {
            p.text(left + 4, listBottom, "v(+)", 4);
        }
        p.text(left + 2, statusRow, status(), inner);
        p.separator(left, p.height() - 3, width);
        p.buttons(left + 1, p.height() - 2, width - 2, BUTTONS, dialogs.isEmpty() ? button : -1);
    }

    /** The status line: what the last action did, else the entry's symbol and why it is hidden or fixed. */
    private String status() {
        if (message != null) {
            return message;
        }
        Entry e = current();
        if (e == null) {
            return "";
        }
        String name = e.symbol() != null && e.kind() != Kind.CHOICE ? "CONFIG_" + e.symbol() : "";
        if (!e.visible() && e.hiddenReason() != null) {
            return (name.isEmpty() ? "" : name + ": ") + "hidden: " + e.hiddenReason()
                    + (name.isEmpty() ? "" : "  (e: enable)");
        }
        return name;
    }

    /** One menu line as menuconfig writes it. */
    static String line(Entry e) {
        StringBuilder b = new StringBuilder(" ");
        String mark = e.valueText() == null ? "" : e.valueText();
        b.append(mark.isEmpty() ? "   " : mark).append(' ');
        b.append("  ".repeat(e.depth()));
        switch (e.kind()) {
            case COMMENT -> b.append("*** ").append(e.prompt()).append(" ***");
            case CHOICE -> b.append(e.prompt()).append(e.selection() == null ? "" : " (" + e.selection() + ")");
            // A promptless symbol (listed by "show all") is named instead.
            default -> b.append(e.prompt() != null ? e.prompt() : e.symbol());
        }
        if (e.isNew() && e.kind() != Kind.CHOICE && e.changeable()) {
            b.append(" (NEW)");
        }
        if (e.submenu()) {
            b.append(e.emptyPage() ? "  ----" : "  --->");
        }
        if (!e.visible()) {
            b.append("  [hidden]");
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- keys

    /** Handles one key, as the person typed it. */
    public void handle(KeyStroke k) {
        Dialog d = dialogs.peek();
        if (d != null) {
            if (!d.key(k)) {
                dialogs.remove(d);
            }
            return;
        }
        message = null;
        if (Dialog.isInterrupt(k)) {
            leave();
            return;
        }
        if (escape.completes(k)) {
            back();
            return;
        }
        if (k.getKeyType() == KeyType.Escape) {
            return;
        }
        Level level = levels.peek();
        switch (k.getKeyType()) {
            case ArrowUp -> move(level, -1);
            case ArrowDown -> move(level, 1);
            case PageUp -> move(level, -listRows);
            case PageDown -> move(level, listRows);
            case Home -> move(level, -level.cursor);
            case End -> move(level, page().entries().size());
            case Tab, ArrowRight -> button = (button + 1) % BUTTONS.size();
            case ReverseTab, ArrowLeft -> button = (button + BUTTONS.size() - 1) % BUTTONS.size();
            case Enter -> press(button);
            case Character -> character(k);
            default -> {
            }
        }
    }

    private void character(KeyStroke k) {
        if (k.isCtrlDown() || k.isAltDown()) {
            return;
        }
        char c = Character.toLowerCase(k.getCharacter());
        switch (c) {
            case 'y', 'm', 'n' -> set(String.valueOf(c));
            case ' ' -> toggle();
            case '?', 'h' -> help();
            case '/' -> search();
            case 'z' -> {
                showAll = !showAll;
                refresh();
            }
            case 'e' -> enable();
            case 'u' -> step(session::undo);
            case 'r' -> step(session::redo);
            case 'g' -> review();
            default -> hotkey(c);
        }
    }

    private void press(int b) {
        switch (b) {
            case 0 -> select();
            case 1 -> back();
            case 2 -> help();
            case 3 -> save();
            case 4 -> saveMinimal();
            case 5 -> search();
            case 6 -> step(session::undo);
            default -> throw new IllegalStateException("button " + b);
        }
    }

    private void move(Level level, int by) {
        level.cursor += by;
        clampCursor(level);
    }

    private void clampCursor(Level level) {
        List<Entry> entries = page().entries();
        level.cursor = Math.max(0, Math.min(level.cursor, entries.size() - 1));
        if (level.cursor < level.top) {
            level.top = level.cursor;
        }
        if (level.cursor >= level.top + listRows) {
            level.top = level.cursor - listRows + 1;
        }
        level.top = Math.max(0, level.top);
        level.cursorId = entries.isEmpty() ? -1 : entries.get(level.cursor).id();
    }

    /** Jumps to the next entry whose prompt starts with the letter, as menuconfig's hotkeys do. */
    private void hotkey(char c) {
        List<Entry> entries = page().entries();
        Level level = levels.peek();
        for (int i = 1; i <= entries.size(); i++) {
            int n = (level.cursor + i) % entries.size();
            String prompt = entries.get(n).prompt();
            if (prompt != null && !prompt.isEmpty() && Character.toLowerCase(prompt.charAt(0)) == c) {
                level.cursor = n;
                clampCursor(level);
                return;
            }
        }
    }

    private Entry current() {
        List<Entry> entries = page().entries();
        Level level = levels.peek();
        return entries.isEmpty() ? null : entries.get(Math.max(0, Math.min(level.cursor, entries.size() - 1)));
    }

    private static boolean isTristateLike(Entry e) {
        return "bool".equals(e.type()) || "tristate".equals(e.type());
    }

    /** Enter on the list: opens a page, edits a value, or includes the option. */
    private void select() {
        Entry e = current();
        if (e == null) {
            return;
        }
        if (e.submenu()) {
            levels.push(new Level(e.id()));
            refresh();
        } else if (e.kind() == Kind.SYMBOL && !isTristateLike(e)) {
            edit(e);
        } else if (e.symbol() != null && e.kind() != Kind.CHOICE) {
            // menuconfig's Select includes the option: y, or m where y is not possible.
            set(e.allowed().contains("y") || e.allowed().isEmpty() ? "y" : "m");
        }
    }

    private void edit(Entry e) {
        if (!e.changeable() && !e.visible()) {
            message = "CONFIG_" + e.symbol() + " is hidden: " + e.hiddenReason();
            return;
        }
        String what = switch (e.type()) {
            case "int" -> "a decimal value";
            case "hex" -> "a hexadecimal value";
            default -> "a string value";
        };
        String range = e.range() == null ? "" : " (range " + e.range().replace(' ', '-') + ")";
        dialogs.push(new InputDialog(e.prompt(), "Please enter " + what + range + ". Use the <BACKSPACE> key to"
                + " correct errors.  For help, press <Esc><Esc> and then <?>.", e.value() == null ? "" : e.value(),
                text -> {
                    if (text.equals(e.value())) {
                        return null;
                    }
                    try {
                        show(session.set(e.symbol(), text));
                        return null;
                    } catch (KconfigException refused) {
                        return refused.getMessage();
                    }
                }));
    }

    /** Space: the next value the entry can take (n, m, y, round again), as menuconfig cycles. */
    private void toggle() {
        Entry e = current();
        if (e == null) {
            return;
        }
        if (!isTristateLike(e) || e.kind() == Kind.CHOICE) {
            select();
            return;
        }
        List<String> allowed = e.allowed();
        if ("(X)".equals(e.valueText()) || "( )".equals(e.valueText())) {
            set("y");
            return;
        }
        int at = allowed.indexOf(e.value());
        set(allowed.isEmpty() ? "y" : allowed.get((at + 1) % allowed.size()));
    }

    private void set(String value) {
        Entry e = current();
        if (e == null || e.symbol() == null || e.kind() == Kind.CHOICE || !isTristateLike(e)) {
            return;
        }
        if (value.equals(e.value())) {
            return;
        }
        try {
            show(session.set(e.symbol(), value));
        } catch (KconfigException refused) {
            message = refused.getMessage() + "  (e: enable plan)";
        }
    }

    /** Undo or redo: "nothing to undo" is a message, not an error. */
    private void step(Supplier<Change> action) {
        try {
            show(action.get());
        } catch (KconfigException nothing) {
            message = nothing.getMessage();
        }
    }

    /** Reports a change on the status line: what was done, and what else changed with it. */
    private void show(Change c) {
        refresh();
        message = Answers.summary(c);
    }

    private void help() {
        Entry e = current();
        if (e == null) {
            return;
        }
        List<TextDialog.Action> actions = e.symbol() != null && e.kind() != Kind.CHOICE
                ? List.of(new TextDialog.Action('e', "Enable (e)", this::enable)) : List.of();
        // Without waiting for the Makefiles: help says when what the option builds is not known yet.
        dialogs.push(new TextDialog(e.prompt() == null ? e.symbol() : e.prompt(),
                Answers.help(session.details(e.id(), false)), actions));
    }

    private void search() {
        dialogs.push(new InputDialog("Search Configuration Parameter",
                "Enter (sub)string or regexp to search for (with or without \"CONFIG\"): names, prompts, help texts,"
                        + " defining files and the objects options build",
                "", query -> {
                    String q = query.strip();
                    if (q.regionMatches(true, 0, "CONFIG_", 0, 7)) {
                        q = q.substring(7);
                    }
                    if (q.isEmpty()) {
                        return "Enter something to search for.";
                    }
                    // Objects are searched once the Makefiles are read; until then, the rest at once.
                    boolean objects = makefiles.isDone();
                    EnumSet<SearchQuery.Field> fields = EnumSet.allOf(SearchQuery.Field.class);
                    if (!objects) {
                        fields.remove(SearchQuery.Field.KBUILD);
                    }
                    busy("Searching...");
                    List<SearchHit> hits;
                    try {
                        hits = session.search(new SearchQuery(q, true, fields, false, false, false, null, 500));
                    } catch (KconfigException bad) {
                        return bad.getMessage();
                    }
                    results(q, hits, objects);
                    return null;
                }));
    }

    private void results(String query, List<SearchHit> hits, boolean objects) {
        List<List<String>> items = new ArrayList<>();
        for (SearchHit h : hits) {
            items.add(Answers.hit(h));
        }
        String count = hits.isEmpty() ? "No matches for " + query + "."
                : hits.size() + (hits.size() == 1 ? " match" : " matches") + " for " + query
                        + ".  <Enter> jumps to the entry, <?> shows its help.";
        if (!objects) {
            count += "  (Built objects were not searched: the Makefiles are still being read.)";
        }
        // The search dialog closes when its submit returns: the results take its place.
        dialogs.clear();
        dialogs.push(new ListDialog("Search Results", List.of(count), items, i -> {
            jump(hits.get(i));
            return false;
        }, List.of(new ListDialog.Action('?', "Help (?)", i -> {
            SearchHit h = hits.get(i);
            dialogs.push(new TextDialog(h.prompt() == null ? h.symbol() : h.prompt(),
                    Answers.help(session.details(h.entry(), false)), List.of()));
            return true;
        }))));
    }

    /** Opens the pages down to the entry and puts the cursor on it; shows hidden entries when it is one. */
    private void jump(SearchHit h) {
        levels.clear();
        for (var crumb : h.path()) {
            levels.push(new Level(crumb.id()));
        }
        if (levels.isEmpty() || levels.peekLast().pageId != 0) {
            levels.addLast(new Level(0));
        }
        if (!h.visible()) {
            showAll = true;
        }
        page = null;
        Level level = levels.peek();
        level.cursor = Math.max(0, indexOf(h.entry()));
        level.top = Math.max(0, level.cursor - listRows / 2);
        clampCursor(level);
    }

    private int indexOf(int entryId) {
        List<Entry> entries = page().entries();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id() == entryId) {
                return i;
            }
        }
        return -1;
    }

    private void enable() {
        Entry e = current();
        if (e == null || e.symbol() == null || e.kind() == Kind.CHOICE) {
            message = "Only an option can be enabled.";
            return;
        }
        busy("Looking for the fewest config lines that enable " + e.symbol() + "...");
        EnablePlan plan;
        try {
            plan = session.enable(List.of(e.symbol()));
        } catch (KconfigException refused) {
            message = refused.getMessage();
            return;
        }
        List<String> body = new ArrayList<>(Answers.plan(plan));
        List<TextDialog.Action> actions = new ArrayList<>();
        if (plan.solved() && !plan.lines().isEmpty()) {
            body.add("");
            body.add("Press <a> to apply these lines (one step; <u> undoes it).");
            actions.add(new TextDialog.Action('a', "Apply (a)", () -> {
                try {
                    show(session.apply(plan));
                } catch (KconfigException refused) {
                    message = refused.getMessage();
                }
            }));
        }
        dialogs.clear();
        dialogs.push(new TextDialog("Enable " + e.symbol(), body, actions));
    }

    private void review() {
        if (!session.hasUpgradeReview()) {
            message = "No upgrade to review: start with --old-config OLD.";
            return;
        }
        busy("Reviewing the upgrade...");
        UpgradeReview review = session.upgradeReview();
        List<Finding> roots = review.roots();
        List<List<String>> items = Answers.review(review);
        String head = items.isEmpty() ? "Nothing you set was lost or changed by the upgrade."
                : review.summary() + ".  <Enter> shows a finding with its cause and fix; <a> applies its fix.";
        dialogs.push(new ListDialog("Upgrade Review", List.of(head), items, i -> {
            if (i < roots.size()) {
                finding(roots.get(i));
            } else {
                dialogs.push(new TextDialog("The rest of the upgrade", Answers.rest(review), List.of()));
            }
            return true;
        }, List.of(new ListDialog.Action('a', "Apply fix (a)", i -> {
            if (i >= roots.size()) {
                return true; // the rest takes nothing the user chose: nothing to apply
            }
            applyFix(roots.get(i));
            return false;
        }))));
    }

    private void finding(Finding f) {
        List<String> lines = new ArrayList<>(Answers.finding(f));
        List<TextDialog.Action> actions = new ArrayList<>();
        if (f.fix() != null && !f.fix().lines().isEmpty()) {
            lines.add("");
            lines.add("Press <a> to apply the fix (one step; <u> undoes it).");
            actions.add(new TextDialog.Action('a', "Apply fix (a)", () -> {
                applyFix(f);
                dialogs.clear();
            }));
        }
        dialogs.push(new TextDialog(Answers.headline(f), lines, actions));
    }

    private void applyFix(Finding f) {
        try {
            show(session.applyFix(f.symbol()));
        } catch (KconfigException refused) {
            message = refused.getMessage();
        }
    }

    private void save() {
        try {
            Saved s = session.save();
            savedText = session.dotConfig();
            message = "configuration written to " + s.path()
                    + (s.backup() != null ? " (previous one kept in " + s.backup() + ")" : "");
        } catch (IOException | UncheckedIOException | KconfigException e) {
            message = "Error while writing the configuration: " + e.getMessage();
        }
    }

    private void saveMinimal() {
        try {
            Saved s = session.saveMinimal(minimalFile);
            message = "minimal configuration (savedefconfig) written to " + s.path();
        } catch (IOException | UncheckedIOException | KconfigException e) {
            message = "Error while writing the minimal configuration: " + e.getMessage();
        }
    }

    /**
     * Shows that something takes a while (solving, reading the Makefiles) before doing it: a
     * small box over the screen as it is.
     */
    private void busy(String text) {
        try {
            Painter p = new Painter(screen.newTextGraphics(), glyphs);
            int width = Math.min(p.width() - 4, text.length() + 6);
            int left = (p.width() - width) / 2;
            int top = p.height() / 2 - 2;
            p.box(left, top, width, 3, null);
            p.text(left + 2, top + 1, text, width - 4);
            screen.refresh();
        } catch (IOException unseen) {
            // Only a notice: a terminal that cannot show it fails on the next full draw, reported there.
        }
    }

    /** Whether saving would change the config file: a value changed, or the file needed updating. */
    private boolean unsaved() {
        return !session.dotConfig().equals(savedText);
    }

    /** Esc Esc or Exit: up one page; from the main menu, leave. */
    private void back() {
        if (levels.size() > 1) {
            levels.pop();
            refresh();
        } else {
            leave();
        }
    }

    /** Leaving: with unsaved changes, menuconfig's question; without, straight out. */
    private void leave() {
        if (!unsaved()) {
            exit = Exit.UNCHANGED;
            return;
        }
        dialogs.push(new Question("", List.of("Do you wish to save your new configuration?",
                "(Press <ESC><ESC> to continue kernel configuration.)"), answer -> {
                    switch (answer) {
                        case YES -> {
                            save();
                            if (!unsaved()) {
                                exit = Exit.SAVED;
                            }
                        }
                        case NO -> exit = Exit.NOT_SAVED;
                        case CANCEL -> {
                        }
                    }
                }));
    }

    // ---------------------------------------------------------------- pages

    private MenuPage page() {
        if (page == null) {
            page = session.page(levels.peek().pageId, showAll);
        }
        return page;
    }

    /** Reads the page again after a change, keeping the cursor on the same entry where it still is. */
    private void refresh() {
        page = null;
        Level level = levels.peek();
        if (level.cursorId >= 0) {
            int at = indexOf(level.cursorId);
            if (at >= 0) {
                level.cursor = at;
            }
        }
        clampCursor(level);
    }
}
