package dev.kconfig4j.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import dev.kconfig4j.tui.SessionView.Entry;
import dev.kconfig4j.tui.SessionView.Finding;
import dev.kconfig4j.tui.SessionView.Hit;
import dev.kconfig4j.tui.SessionView.Kind;
import dev.kconfig4j.tui.SessionView.Outcome;
import dev.kconfig4j.tui.SessionView.Page;
import dev.kconfig4j.tui.SessionView.Plan;
import dev.kconfig4j.tui.SessionView.Type;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The terminal configurator: menuconfig's screen and keys over a {@link SessionView}.
 *
 * <p>The main window lists the current menu page as {@code make menuconfig} does ({@code [*]},
 * {@code <M>}, {@code -*-} for a value that select fixes, {@code (value)}, {@code --->} for
 * submenus, {@code ----} for empty ones, {@code *** comments ***}). The keys are menuconfig's
 * (arrows, Enter, y/m/n/space, ? help, / search, z show hidden entries, Esc Esc back, Tab for the
 * buttons, the first letter of a prompt to jump to it), plus the session's answers: e shows the
 * verified plan that enables the entry under the cursor and applies it with one key, u and r undo
 * and redo, g opens the upgrade review. Leaving with changes asks menuconfig's question.
 *
 * <p>It draws on any Lanterna {@link Screen}: a real terminal for the command, a virtual one for the
 * tests. {@link #handle} and {@link #draw} are the whole interaction; {@link #run} loops over them.
 */
public final class Menuconfig {
    /** How the configurator ended. */
    public enum Exit {
        /** Saved on the way out. */
        SAVED,
        /** Left with changes, without saving. */
        NOT_SAVED,
        /** Nothing to save (nothing changed since the last save). */
        UNCHANGED
    }

    private static final String INSTRUCTIONS = "Arrow keys navigate the menu.  <Enter> selects submenus ---> (or empty"
            + " submenus ----).  Pressing <Y> includes, <N> excludes, <M> modularizes features.  Press <Esc><Esc> to exit,"
            + " <?> for Help, </> for Search, <z> to show hidden entries, <e> to enable a blocked one, <u>/<r> to undo/redo.";
    private static final String REVIEW = "  <g> reviews the upgrade.";
    private static final String LEGEND = "  Legend: [*] built-in  [ ] excluded  <M> module  < > module capable";
    private static final List<String> BUTTONS = List.of("<Select>", "< Exit >", "< Help >", "< Save >", "<Minimal>",
            "<Search>", "< Undo >");

    /** A page the person has opened, with where the cursor was. */
    private static final class Level {
        final String pageId;
        String cursorId;
        int cursor;
        int top;

        Level(String pageId) {
            this.pageId = pageId;
        }
    }

    private final SessionView session;
    private final Screen screen;
    private final Glyphs glyphs;
    private final Deque<Level> levels = new ArrayDeque<>();
    private final Deque<Dialog> dialogs = new ArrayDeque<>();
    private Page page;
    private boolean showAll;
    private boolean escape;
    private int button;
    private int listRows = 10;
    private String message;
    private Exit exit;

    public Menuconfig(SessionView session, Screen screen, Glyphs glyphs) {
        this.session = session;
        this.screen = screen;
        this.glyphs = glyphs;
        levels.push(new Level(null));
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
        p.background(session.backtitle());
        if (p.width() < 40 || p.height() < 12) {
            p.text(0, 2, "Your display is too small: " + p.width() + "x" + p.height()
                    + " (menuconfig needs at least 40x12)", p.width());
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

    private void drawMenu(Painter p) {
        Page pg = page();
        Level level = levels.peek();
        int width = p.width() - 2;
        int left = 1;
        p.box(left, 2, width, p.height() - 2, pg.title() + (showAll ? " (all entries)" : ""));
        int inner = width - 4;
        String help = INSTRUCTIONS + (session.hasReview() ? REVIEW : "") + LEGEND;
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

    /** The status line: what the last action did, else why the entry under the cursor is hidden or fixed. */
    private String status() {
        if (message != null) {
            return message;
        }
        Entry e = current();
        if (e == null) {
            return "";
        }
        String name = e.name() != null ? "CONFIG_" + e.name() : "";
        if (e.note() != null) {
            return (name.isEmpty() ? "" : name + ": ") + e.note() + (e.kind() == Kind.SYMBOL ? "  (e: enable)" : "");
        }
        return name;
    }

    /** One menu line as menuconfig writes it. */
    static String line(Entry e) {
        StringBuilder b = new StringBuilder(" ");
        b.append(mark(e)).append(' ');
        b.append("  ".repeat(e.depth()));
        switch (e.kind()) {
            case COMMENT -> b.append("*** ").append(e.prompt()).append(" ***");
            case CHOICE -> b.append(e.prompt()).append(e.value() == null || e.value().isEmpty() ? "" : " (" + e.value() + ")");
            default -> b.append(e.prompt());
        }
        if (e.name() != null && e.kind() != Kind.CHOICE) {
            b.append(" (").append(e.name()).append(')');
        }
        if (e.opens()) {
            b.append(e.empty() ? "  ----" : "  --->");
        }
        if (!e.visible()) {
            b.append("  [hidden]");
        }
        return b.toString();
    }

    /** The three columns before the prompt: the value in menuconfig's brackets. */
    static String mark(Entry e) {
        if (e.inChoice()) {
            return "y".equals(e.value()) ? "(X)" : "( )";
        }
        String v = e.value();
        return switch (e.type()) {
            case NONE -> "   ";
            case INT, HEX, STRING -> "(" + v + ")";
            case BOOL, TRISTATE -> {
                char c = "y".equals(v) ? '*' : "m".equals(v) ? 'M' : ' ';
                if (e.allowed().size() <= 1) {
                    // The value cannot change here (select forces it, or nothing is visible).
                    yield "-" + (c == ' ' ? '-' : c) + "-";
                }
                if (e.type() == Type.BOOL) {
                    yield "[" + c + "]";
                }
                // A tristate that select keeps at m or above shows braces: it can only be m or y.
                yield e.allowed().contains("n") ? "<" + c + ">" : "{" + c + "}";
            }
        };
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
        if (k.getKeyType() == KeyType.Escape) {
            if (escape || k.isAltDown()) {
                escape = false;
                back();
            } else {
                escape = true;
            }
            return;
        }
        escape = false;
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
            case 'u' -> show(session.undo());
            case 'r' -> show(session.redo());
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
            case 6 -> show(session.undo());
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
        level.cursorId = entries.isEmpty() ? null : entries.get(level.cursor).id();
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

    /** Enter on the list: opens a page, edits a value, or toggles. */
    private void select() {
        Entry e = current();
        if (e == null) {
            return;
        }
        if (e.opens()) {
            Level next = new Level(e.id());
            levels.push(next);
            refresh();
            return;
        }
        switch (e.type()) {
            case INT, HEX, STRING -> edit(e);
            case BOOL, TRISTATE -> toggle();
            case NONE -> {
            }
        }
    }

    private void edit(Entry e) {
        String what = switch (e.type()) {
            case INT -> "a decimal value";
            case HEX -> "a hexadecimal value";
            default -> "a string value";
        };
        dialogs.push(new InputDialog(e.prompt(), "Please enter " + what + ". Use the <BACKSPACE> key to correct"
                + " errors.  For help, press <Esc><Esc> and then <?>.", e.value(), text -> {
                    Outcome o = session.set(e.id(), text);
                    if (!o.done() && !text.equals(e.value())) {
                        return o.message();
                    }
                    show(o);
                    return null;
                }));
    }

    /** Space: the next value the entry can take (n, m, y, round again), as menuconfig cycles. */
    private void toggle() {
        Entry e = current();
        if (e == null) {
            return;
        }
        if (e.type() != Type.BOOL && e.type() != Type.TRISTATE) {
            select();
            return;
        }
        if (e.inChoice()) {
            set("y");
            return;
        }
        List<String> allowed = e.allowed();
        int at = allowed.indexOf(e.value());
        set(allowed.isEmpty() ? "y" : allowed.get((at + 1) % allowed.size()));
    }

    private void set(String value) {
        Entry e = current();
        if (e == null || e.kind() == Kind.MENU || e.kind() == Kind.COMMENT || e.type() == Type.NONE) {
            return;
        }
        if (e.type() != Type.BOOL && e.type() != Type.TRISTATE) {
            return;
        }
        Outcome o = session.set(e.id(), value);
        if (!o.done() && !value.equals(e.value())) {
            message = o.message() + "  (e: enable plan)";
            return;
        }
        show(o);
    }

    /** Reports an outcome on the status line: what changed, and how many other values moved with it. */
    private void show(Outcome o) {
        refresh();
        StringBuilder b = new StringBuilder(o.message());
        List<String> more = o.consequences();
        if (!more.isEmpty()) {
            b.append("; also ").append(more.get(0));
            if (more.size() > 1) {
                b.append(" and ").append(more.size() - 1).append(" more");
            }
        }
        message = b.toString();
    }

    private void help() {
        Entry e = current();
        if (e == null) {
            return;
        }
        if (e.kind() == Kind.MENU && e.name() == null) {
            dialogs.push(new TextDialog(e.prompt(), session.help(e.id()), List.of()));
            return;
        }
        dialogs.push(new TextDialog(e.prompt() == null ? e.name() : e.prompt(), session.help(e.id()),
                List.of(new TextDialog.Action('e', "Enable (e)", this::enable))));
    }

    private void search() {
        dialogs.push(new InputDialog("Search Configuration Parameter",
                "Enter (sub)string or regexp to search for (with or without \"CONFIG\"): names, prompts, help texts,"
                        + " defining files and built objects",
                "", query -> {
                    String q = query.strip();
                    if (q.regionMatches(true, 0, "CONFIG_", 0, 7)) {
                        q = q.substring(7);
                    }
                    if (q.isEmpty()) {
                        return "Enter something to search for.";
                    }
                    List<Hit> hits;
                    try {
                        hits = session.search(q);
                    } catch (IllegalArgumentException bad) {
                        return bad.getMessage();
                    }
                    results(q, hits);
                    return null;
                }));
    }

    private void results(String query, List<Hit> hits) {
        List<List<String>> items = new ArrayList<>();
        for (Hit h : hits) {
            List<String> item = new ArrayList<>();
            item.add((h.name() != null ? "CONFIG_" + h.name() : "") + (h.prompt() != null ? "  \"" + h.prompt() + "\"" : "")
                    + "  [" + h.matched() + "]");
            item.add("    " + h.location());
            items.add(item);
        }
        String count = hits.isEmpty() ? "No matches for " + query + "."
                : hits.size() + (hits.size() == 1 ? " match" : " matches") + " for " + query
                        + ".  <Enter> jumps to the entry, <?> shows its help.";
        // The search dialog is still open beneath (it closes when its submit returns): the results replace it.
        dialogs.clear();
        dialogs.push(new ListDialog("Search Results", List.of(count), items, i -> {
            jump(hits.get(i).id());
            return false;
        }, List.of(new ListDialog.Action('?', "Help (?)", i -> {
            dialogs.push(new TextDialog(hits.get(i).prompt() == null ? hits.get(i).name() : hits.get(i).prompt(),
                    session.help(hits.get(i).id()), List.of()));
            return true;
        }))));
    }

    /** Opens the pages down to the entry and puts the cursor on it; shows hidden entries when it is one. */
    private void jump(String entryId) {
        levels.clear();
        levels.push(new Level(null));
        for (String pageId : session.pathTo(entryId)) {
            if (pageId != null) {
                levels.push(new Level(pageId));
            }
        }
        page = null;
        if (indexOf(entryId) < 0 && !showAll) {
            showAll = true;
            page = null;
        }
        Level level = levels.peek();
        level.cursor = Math.max(0, indexOf(entryId));
        level.top = Math.max(0, level.cursor - listRows / 2);
        clampCursor(level);
    }

    private int indexOf(String entryId) {
        List<Entry> entries = page().entries();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id().equals(entryId)) {
                return i;
            }
        }
        return -1;
    }

    private void enable() {
        Entry e = current();
        if (e == null || e.kind() != Kind.SYMBOL && e.kind() != Kind.CHOICE) {
            message = "Only an option can be enabled.";
            return;
        }
        Plan plan = session.enablePlan(e.id());
        List<String> lines = new ArrayList<>(plan.diff());
        List<TextDialog.Action> actions = new ArrayList<>();
        if (plan.applicable()) {
            lines.add("");
            lines.add("Press <a> to apply these lines (one step, <u> undoes it).");
            actions.add(new TextDialog.Action('a', "Apply (a)", () -> show(session.apply(plan))));
        }
        List<String> body = new ArrayList<>(List.of(plan.title(), ""));
        body.addAll(lines);
        dialogs.clear();
        dialogs.push(new TextDialog("Enable " + (e.name() != null ? e.name() : e.prompt()), body, actions));
    }

    private void review() {
        if (!session.hasReview()) {
            message = "No upgrade to review: start with --old-config OLD.";
            return;
        }
        List<Finding> findings = session.review();
        List<List<String>> items = new ArrayList<>();
        for (Finding f : findings) {
            List<String> item = new ArrayList<>();
            item.add(f.headline());
            items.add(item);
        }
        String head = findings.isEmpty() ? "Nothing was lost or changed by the upgrade."
                : findings.size() + " findings, most important first.  <Enter> shows one with its cause; <a> applies its fix.";
        dialogs.push(new ListDialog("Upgrade Review", List.of(head), items, i -> {
            finding(findings.get(i));
            return true;
        }, List.of(new ListDialog.Action('a', "Apply fix (a)", i -> {
            applyFix(findings.get(i));
            return false;
        }))));
    }

    private void finding(Finding f) {
        List<String> lines = new ArrayList<>(f.details());
        List<TextDialog.Action> actions = new ArrayList<>();
        if (f.fix() != null) {
            lines.add("");
            lines.add("Fix: " + f.fix().title());
            lines.addAll(f.fix().diff());
            if (f.fix().applicable()) {
                lines.add("");
                lines.add("Press <a> to apply the fix (one step, <u> undoes it).");
                actions.add(new TextDialog.Action('a', "Apply fix (a)", () -> {
                    applyFix(f);
                    dialogs.clear();
                }));
            }
        }
        dialogs.push(new TextDialog(f.headline(), lines, actions));
    }

    private void applyFix(Finding f) {
        if (f.fix() == null || !f.fix().applicable()) {
            message = "No verified fix for this finding.";
            return;
        }
        show(session.apply(f.fix()));
    }

    private void save() {
        try {
            message = session.save();
        } catch (IOException | UncheckedIOException e) {
            message = "Error while writing the configuration: " + e.getMessage();
        }
    }

    private void saveMinimal() {
        try {
            message = session.saveMinimal();
        } catch (IOException | UncheckedIOException e) {
            message = "Error while writing the minimal configuration: " + e.getMessage();
        }
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

    /** Leaving: with changes, menuconfig's question; without, straight out. */
    private void leave() {
        if (!session.changed()) {
            exit = Exit.UNCHANGED;
            return;
        }
        dialogs.push(new Question("", List.of("Do you wish to save your new configuration?",
                "(Press <ESC><ESC> to continue kernel configuration.)"), answer -> {
                    switch (answer) {
                        case YES -> {
                            try {
                                session.save();
                                exit = Exit.SAVED;
                            } catch (IOException | UncheckedIOException e) {
                                message = "Error while writing the configuration: " + e.getMessage();
                            }
                        }
                        case NO -> exit = Exit.NOT_SAVED;
                        case CANCEL -> {
                        }
                    }
                }));
    }

    // ---------------------------------------------------------------- pages

    private Page page() {
        if (page == null) {
            page = session.page(levels.peek().pageId, showAll);
        }
        return page;
    }

    /** Reads the page again after a change, keeping the cursor on the same entry where it still is. */
    private void refresh() {
        page = null;
        Level level = levels.peek();
        if (level.cursorId != null) {
            int at = indexOf(level.cursorId);
            if (at >= 0) {
                level.cursor = at;
            }
        }
        clampCursor(level);
    }
}
