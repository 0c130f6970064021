package dev.kconfig4j.conf;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.menu.Menu;
import dev.kconfig4j.menu.MenuInfo;
import dev.kconfig4j.menu.Visibility;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Symbol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The line-oriented dialogue of {@code --oldconfig}, {@code --oldaskconfig} and {@code --syncconfig}.
 *
 * <p>Behaviour, as observed on the kernel's {@code conf} (5.10, 6.1, 6.12):
 * <ul>
 *   <li>oldaskconfig first walks the whole menu tree and asks every visible entry, then continues
 *       as oldconfig. oldconfig (and syncconfig) walk the tree looking for <em>new</em> entries
 *       (visible, no user value, changeable); the first one found in a pass prints
 *       {@code * Restart config...} and the menu containing it is shown again, which asks the new
 *       entries of that menu and prints the others with their values. Passes repeat until one
 *       finds nothing new (answers can make new entries appear).</li>
 *   <li>Only the menu being shown (a {@code menu}, or a {@code menuconfig} symbol) and comments get a heading ({@code *\n* Title\n*}); submenus
 *       are only searched for new entries (oldaskconfig shows every menu).</li>
 *   <li>bool/tristate: {@code Prompt (SYM) [Y/n/m/?] (NEW) }; the current value is upper case and
 *       the other acceptable values follow. Empty input keeps the current value (it becomes the
 *       user value), {@code n}/{@code no}/{@code m}/{@code y}/{@code yes} set, {@code ?} and values
 *       out of range print the help, anything else asks again.</li>
 *   <li>int/hex/string: {@code Prompt (SYM) [value] }; the line (without its last character, the
 *       newline) is the new value, re-asked while invalid or out of range; hex gains {@code 0x}.</li>
 *   <li>choices: the prompt, numbered visible members with {@code >} at the current one, and
 *       {@code choice[1-N?]: }; a number picks, empty input the current one, {@code ?} the choice's
 *       help, {@code N?} the member's help. A choice is asked when one of its visible members has
 *       no value.</li>
 *   <li>When standard input is not a terminal the line read is echoed to standard output. At end of
 *       input, standard error gets {@code \nError in reading or end of file.} and the default is
 *       taken. When the default of an int/hex/string is not a valid value (an int whose default
 *       is empty or text), the run stops with {@code error: no value for new symbol 'B' at end of
 *       input}, exit status 1 and nothing written. Lines are read as by {@code fgets} into a
 *       4096-byte buffer.</li>
 * </ul>
 */
public final class Dialogue {
    private static final int LINE_BUFFER = 4096;

    private final Kconfig tree;
    private final Configuration config;
    private final ConfRequest req;
    private final InputStream in;
    private final boolean tty;
    private final PrintStream out;

    /** The mode the dialogue is in now: oldaskconfig turns into oldconfig after its first pass. */
    private Mode inputMode;
    /** The menu being shown; other menus are only searched for new entries. */
    private Menu rootEntry;
    /** The kernel tool's indentation: 1, plus 2 for each enclosing symbol. */
    private int indent = 1;
    /** How many new entries the current pass found. */
    private int found;
    /** The last line read (or the default the kernel presets before reading). */
    private String line = "";
    /** Set when the dialogue set a value (the pass made progress). */
    private boolean progress;
    /**
     * From 6.11: the choice members without a value that were shown when their choice was last
     * settled: when the dialogue began, and each time the choice is answered. The kernel's conf
     * keeps listing such a member, numbered, after an answer elsewhere hid it (it lists
     * {@code 1. dump (DEF_DUMP) (NEW)} after {@code GOV_DUMP} was answered n, and Linux 7.3's
     * {@code RANDSTRUCT_PERFORMANCE} after {@code GCC_PLUGINS} was); picking it changes nothing. A
     * member with a value, or one shown only later, is listed only while it is shown.
     */
    private final java.util.Set<Symbol> newMembersShown = new java.util.HashSet<>();
    /** Set when reading hit the end of input. */
    private boolean eof;

    public Dialogue(Kconfig tree, Configuration config, ConfRequest req) {
        this(tree, config, req, System.in, System.console() != null);
    }

    /** A dialogue reading {@code in}, which is taken not to be a terminal (answers are echoed). */
    public Dialogue(Kconfig tree, Configuration config, ConfRequest req, InputStream in) {
        this(tree, config, req, in, false);
    }

    /**
     * A dialogue reading {@code in}; {@code tty} says whether standard input and output are both
     * terminals (then answers are not echoed).
     */
    public Dialogue(Kconfig tree, Configuration config, ConfRequest req, InputStream in, boolean tty) {
        this.tree = tree;
        this.config = config;
        this.req = req;
        this.in = in;
        this.tty = tty;
        this.out = req.out();
    }

    /** Asks about new symbols (all symbols for oldaskconfig) on the request's streams. */
    public void run(Mode mode) {
        inputMode = mode;
        Menu root = tree.root();
        if (config.dialect().choicesByPriority()) {
            rememberNewMembersShown(root);
        }
        if (mode == Mode.OLDASKCONFIG) {
            rootEntry = root;
            ask(root);
            inputMode = Mode.OLDCONFIG;
        }
        do {
            found = 0;
            progress = false;
            check(root);
            // The kernel's tool would start over forever when a pass changes nothing; stop instead.
        } while (found > 0 && progress);
        out.flush();
    }

    // ======================================================================
    // walking the menu tree
    // ======================================================================

    /** Searches {@code m} for new entries; shows the menu of each one found. */
    private void check(Menu m) {
        if (!isVisible(m)) {
            return;
        }
        Symbol sym = m.symbol();
        if (sym != null && isNew(sym)) {
            if (found++ == 0) {
                out.print("*\n* Restart config...\n*\n");
            }
            rootEntry = parentMenu(m);
            ask(rootEntry);
        }
        for (Menu c : m.children()) {
            check(c);
        }
    }

    /** Records {@link #newMembersShown} for every choice under {@code m}, as the entries stand now. */
    private void rememberNewMembersShown(Menu m) {
        for (Menu c : m.children()) {
            if (c.symbol() != null && c.symbol().isChoice()) {
                rememberNewMembersShownOf(c);
            }
            rememberNewMembersShown(c);
        }
    }

    /** Records {@link #newMembersShown} for the choice entry {@code choice}, as its members stand now. */
    private void rememberNewMembersShownOf(Menu choice) {
        for (Menu c : choice.children()) {
            Symbol s = c.symbol();
            if (s == null) {
                continue;
            }
            if (!config.hasUserValue(s) && Visibility.isShown(config, c, x -> { })) {
                newMembersShown.add(s);
            } else {
                newMembersShown.remove(s);
            }
        }
    }

    /** Whether the choice lists the entry {@code c} (see {@link #newMembersShown}). */
    private boolean listed(Menu c) {
        if (isVisible(c)) {
            return true;
        }
        Symbol s = c.symbol();
        return s != null && newMembersShown.contains(s) && !config.hasUserValue(s);
    }

    /** Whether oldconfig asks about the symbol. */
    private boolean isNew(Symbol sym) {
        if (sym.isChoice()) {
            if (config.dialect().choicesByPriority()) {
                return hasNewMember(sym);
            }
            return !config.hasUserValue(sym) && (isChangeable(sym) || config.tristate(sym) == Tristate.YES);
        }
        return !config.hasUserValue(sym) && isChangeable(sym);
    }

    /** From 6.11: a choice is new while one of its visible members has no value. */
    private boolean hasNewMember(Symbol choice) {
        for (Symbol m : choice.members()) {
            if (config.visibility(m) != Tristate.NO && !config.hasUserValue(m)) {
                return true;
            }
        }
        return false;
    }

    private boolean isChangeable(Symbol sym) {
        return UserInput.isChangeable(config, sym);
    }

    /** The nearest menu holding the entry (or the root): the entry itself when it is a menu. */
    private Menu parentMenu(Menu m) {
        Menu p = m;
        while (p.parent() != null && !isMenu(p)) {
            p = p.parent();
        }
        return p;
    }

    /**
     * Whether the dialogue treats the entry as a menu: a {@code menu}, or a {@code menuconfig}
     * symbol with a prompt (the kernel's conf shows it with a heading when it holds the new entry
     * and only searches it otherwise, like a menu; seen on 6.12's CGROUPS and NAMESPACES).
     */
    private static boolean isMenu(Menu m) {
        return m.kind() == Menu.Kind.MENU || (m.kind() == Menu.Kind.SYMBOL && m.isMenuconfig() && m.hasPrompt());
    }

    /** Whether the entry is shown (see {@link Visibility}); up to 6.1 showing a symbol through its children marks it set, which counts as progress. */
    private boolean isVisible(Menu m) {
        return Visibility.isShown(config, m, sym -> {
            if (!config.hasUserValue(sym) && config.dialect().dialogueMarksSymbolsShownThroughChildren()) {
                config.markSet(sym);
                progress = true;
            }
        });
    }

    /** Shows an entry: its heading, its question, then its children. */
    private void ask(Menu m) {
        if (!isVisible(m)) {
            return;
        }
        Menu.Kind kind = m.kind();
        if (kind == Menu.Kind.ROOT || isMenu(m)) {
            if (inputMode != Mode.OLDASKCONFIG && rootEntry != m) {
                check(m);
                return;
            }
            heading(kind == Menu.Kind.ROOT ? tree.mainMenu() : m.promptText());
        } else if (kind == Menu.Kind.COMMENT) {
            heading(m.promptText());
        }
        Symbol sym = m.symbol();
        if (sym != null) {
            if (sym.isChoice()) {
                askChoice(m);
                if (config.dialect().choicesByPriority() || config.tristate(sym) != Tristate.MOD) {
                    return;
                }
            } else if (sym.type() == Type.INT || sym.type() == Type.HEX || sym.type() == Type.STRING) {
                askText(m);
            } else {
                askTristate(m);
            }
            indent += 2;
        }
        for (Menu c : m.children()) {
            ask(c);
        }
        if (sym != null) {
            indent -= 2;
        }
    }

    private void heading(String title) {
        String star = padChar(indent, '*');
        out.print(star + "\n" + star + " " + title + "\n" + star + "\n");
    }

    // ======================================================================
    // questions
    // ======================================================================

    /** bool and tristate symbols. */
    private void askTristate(Menu m) {
        Symbol sym = m.symbol();
        while (true) {
            out.print(pad(indent - 1) + m.promptText() + " ");
            if (sym.name() != null) {
                out.print("(" + sym.name() + ") ");
            }
            Tristate old = config.tristate(sym);
            StringBuilder b = new StringBuilder("[");
            b.append(old.text().toUpperCase());
            for (Tristate t : new Tristate[] {Tristate.NO, Tristate.MOD, Tristate.YES}) {
                if (old != t && UserInput.withinRange(config, sym, t)) {
                    b.append('/').append(t.text());
                }
            }
            b.append("/?] ");
            out.print(b);
            if (!askValue(sym, config.string(sym))) {
                return;
            }
            String answer = strip(line);
            Tristate value;
            if (answer.isEmpty()) {
                value = old;
            } else {
                String rest = answer.substring(1);
                switch (answer.charAt(0)) {
                    case 'n', 'N' -> {
                        if (!rest.isEmpty() && !rest.equals("o")) {
                            continue;
                        }
                        value = Tristate.NO;
                    }
                    case 'm', 'M' -> {
                        if (!rest.isEmpty()) {
                            continue;
                        }
                        value = Tristate.MOD;
                    }
                    case 'y', 'Y' -> {
                        if (!rest.isEmpty() && !rest.equals("es")) {
                            continue;
                        }
                        value = Tristate.YES;
                    }
                    case '?' -> {
                        printHelp(m);
                        continue;
                    }
                    default -> {
                        continue;
                    }
                }
            }
            if (setTristate(sym, value)) {
                return;
            }
            // A value out of range shows the help and asks again.
            printHelp(m);
        }
    }

    /** int, hex and string symbols. */
    private void askText(Menu m) {
        Symbol sym = m.symbol();
        while (true) {
            out.print(pad(indent - 1) + m.promptText() + " ");
            out.print("(" + sym.name() + ") ");
            String def = config.string(sym);
            out.print("[" + def + "] ");
            if (!askValue(sym, def)) {
                return;
            }
            String value;
            if (line.startsWith("\n")) {
                value = def;
            } else if (line.equals("?\n")) {
                printHelp(m);
                value = null;
            } else {
                // The kernel drops the last byte, newline or not (a line cut by a NUL can be empty).
                value = line.isEmpty() ? "" : line.substring(0, line.length() - 1);
            }
            if (value != null && setText(sym, value)) {
                return;
            }
            if (eof) {
                // From 6.12 the kernel's tool stops here (nothing is written, exit 1); 5.10 and 6.1
                // ask again forever, which no caller can want, so every generation stops.
                req.err().print("\nerror: no value for new symbol '" + sym.name() + "' at end of input\n");
                throw KconfigException.alreadyReported("no value for " + sym.name() + " at end of input");
            }
        }
    }

    /**
     * Prints (NEW) for a symbol without value and reads the answer; false when nothing is asked
     * (the symbol cannot be changed, or oldconfig keeps its value), after printing the value.
     */
    private boolean askValue(Symbol sym, String def) {
        if (!config.hasUserValue(sym)) {
            out.print("(NEW) ");
        }
        line = "\n";
        if (!isChangeable(sym)) {
            out.print(def + "\n");
            return false;
        }
        if ((inputMode == Mode.OLDCONFIG || inputMode == Mode.SYNCCONFIG) && config.hasUserValue(sym)) {
            out.print(def + "\n");
            return false;
        }
        readLine();
        return true;
    }

    private void askChoice(Menu m) {
        Symbol choice = m.symbol();
        boolean byPriority = config.dialect().choicesByPriority();
        boolean isNew = false;
        if (!byPriority) {
            config.tristate(choice);
            isNew = !config.hasUserValue(choice);
            if (isChangeable(choice)) {
                askTristate(m);
                Tristate v = config.tristate(choice);
                if (v != Tristate.YES) {
                    return;
                }
            } else {
                Tristate v = config.tristate(choice);
                if (v == Tristate.NO) {
                    return;
                }
                if (v == Tristate.MOD) {
                    out.print(pad(indent - 1) + m.promptText() + "\n");
                    return;
                }
            }
        }
        while (true) {
            out.print(pad(indent - 1) + m.promptText() + "\n");
            Symbol current = config.selection(choice);
            int count = 0;
            int def = 0;
            line = "";
            for (Menu c : m.children()) {
                if (!listed(c)) {
                    continue;
                }
                Symbol s = c.symbol();
                if (s == null) {
                    out.print(padChar(indent, '*') + " " + c.promptText() + "\n");
                    continue;
                }
                count++;
                if (s == current) {
                    def = count;
                    out.print(padChar(indent, '>'));
                } else {
                    out.print(padChar(indent, ' '));
                }
                out.print(" " + count + ". " + c.promptText());
                if (byPriority || s.name() != null) {
                    out.print(" (" + s.name() + ")");
                }
                if (!config.hasUserValue(s)) {
                    if (byPriority) {
                        isNew = true;
                    }
                    out.print(" (NEW)");
                }
                out.print("\n");
            }
            out.print(pad(indent - 1) + "choice");
            int pick;
            boolean read = false;
            if (count == 1) {
                out.print("[1]: 1\n");
                pick = 1;
            } else {
                out.print("[1-" + count + "?]: ");
                if ((inputMode == Mode.OLDCONFIG || inputMode == Mode.SYNCCONFIG) && !isNew) {
                    pick = def;
                    out.print(pick + "\n");
                } else {
                    read = true;
                    readLine();
                    line = strip(line);
                    if (line.startsWith("?")) {
                        printHelp(m);
                        continue;
                    }
                    if (line.isEmpty()) {
                        pick = def;
                    } else if (isDigit(line.charAt(0))) {
                        pick = atoi(line);
                    } else {
                        continue;
                    }
                }
            }
            Menu chosen = null;
            int n = pick;
            for (Menu c : m.children()) {
                if (c.symbol() == null || !listed(c)) {
                    continue;
                }
                if (--n == 0) {
                    chosen = c;
                    break;
                }
            }
            if (chosen == null) {
                if (!read || eof) {
                    // The kernel's tool would ask forever here; give up instead.
                    return;
                }
                continue;
            }
            if (!line.isEmpty() && line.endsWith("?")) {
                printHelp(chosen);
                continue;
            }
            select(m, chosen.symbol());
            if (byPriority) {
                rememberNewMembersShownOf(m);
            }
            {
                // (From 6.11 a choice holds only its members, so this asks nothing there.)
                for (Menu c : chosen.children()) {
                    indent += 2;
                    ask(c);
                    indent -= 2;
                }
            }
            return;
        }
    }

    // ======================================================================
    // setting values
    // ======================================================================

    private boolean setTristate(Symbol sym, Tristate value) {
        if (!UserInput.setTristate(config, sym, value)) {
            return false;
        }
        progress = true;
        return true;
    }

    private boolean setText(Symbol sym, String value) {
        if (!UserInput.setText(config, sym, value)) {
            return false;
        }
        progress = true;
        return true;
    }

    /** Makes {@code member} the choice's selection. */
    private void select(Menu choiceMenu, Symbol member) {
        UserInput.select(config, choiceMenu.symbol(), member);
        progress = true;
    }

    private void printHelp(Menu m) {
        out.print(MenuInfo.help(config, m));
    }

    // ======================================================================
    // input and formatting
    // ======================================================================

    /**
     * Reads one line as {@code fgets} does (at most 4095 bytes, with its newline); at end of input
     * the line keeps its preset value. Echoes the line when input is not a terminal.
     */
    private void readLine() {
        out.flush();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            while (b.size() < LINE_BUFFER - 1) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                b.write(c);
                if (c == '\n') {
                    break;
                }
            }
        } catch (IOException e) {
            b.reset();
        }
        if (b.size() == 0) {
            eof = true;
            req.err().print("\nError in reading or end of file.\n");
            req.err().flush();
        } else {
            eof = false;
            line = b.toString(StandardCharsets.ISO_8859_1);
            // The line is a C string: it ends at a NUL, newline or not ("y\0n\n" answers y, and
            // its echo has no newline).
            int nul = line.indexOf('\0');
            if (nul >= 0) {
                line = line.substring(0, nul);
            }
        }
        if (!tty) {
            out.print(line);
        }
    }

    /** Removes leading and trailing white space (C's isspace). */
    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** C's atoi on a string starting with a digit. */
    private static int atoi(String s) {
        long v = 0;
        for (int i = 0; i < s.length() && isDigit(s.charAt(i)); i++) {
            v = Math.min(v * 10 + (s.charAt(i) - '0'), Integer.MAX_VALUE);
        }
        return (int) v;
    }

    /** {@code printf("%*s", width, "")}: a negative width pads as much. */
    private static String pad(int width) {
        return " ".repeat(Math.abs(width));
    }

    /** {@code printf("%*c", width, c)}: right-aligned, or left-aligned for a negative width. */
    private static String padChar(int width, char c) {
        int w = Math.abs(width);
        if (w <= 1) {
            return String.valueOf(c);
        }
        return width > 0 ? " ".repeat(w - 1) + c : c + " ".repeat(w - 1);
    }
}
