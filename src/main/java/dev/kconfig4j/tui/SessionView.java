package dev.kconfig4j.tui;

import java.io.IOException;
import java.util.List;

/**
 * What the terminal front-end needs from a configuration session: menu pages as menuconfig lists
 * them, changes with their consequences, and the session's answers. Entries are named by opaque
 * ids the session gives; the front-end only hands them back. {@link SessionAdapter} provides it
 * over {@code dev.kconfig4j.session}; tests of the drawing provide small ones of their own.
 */
public interface SessionView {

    /** What a menu line stands for. */
    enum Kind { MENU, SYMBOL, CHOICE, COMMENT }

    /** The value type of a symbol line ({@code NONE} for menus and comments). */
    enum Type { NONE, BOOL, TRISTATE, INT, HEX, STRING }

    /**
     * One line of a menu page.
     *
     * @param id the session's name for the entry
     * @param depth indentation inside the page (entries that depend on the one above are shown under it)
     * @param name the symbol's name, or null
     * @param value y/m/n for bool and tristate, the text for int/hex/string, the chosen member's prompt for a choice
     * @param allowed the values the user may give a bool/tristate now, lowest first (one value: fixed, e.g. selected)
     * @param opens whether Enter opens a page (menus, choices, {@code menuconfig} symbols)
     * @param empty for an entry that opens: whether its page has nothing to show
     * @param visible whether menuconfig shows it; hidden entries appear only with "show all"
     * @param note why a hidden entry is hidden, or why its value cannot change; null when neither
     * @param inChoice whether it is a member of a choice (shown as a radio button)
     */
    record Entry(String id, int depth, Kind kind, Type type, String prompt, String name, String value,
            List<String> allowed, boolean opens, boolean empty, boolean visible, String note, boolean inChoice) {
        public Entry {
            allowed = List.copyOf(allowed);
        }

        /** Whether the user can change the value here (a bool/tristate with a choice of values, or a text value). */
        public boolean changeable() {
            return switch (type) {
                case BOOL, TRISTATE -> allowed.size() > 1 || (inChoice && allowed.contains("y"));
                case INT, HEX, STRING -> visible;
                case NONE -> false;
            };
        }
    }

    /** A menu page: its title and its lines (hidden ones included only when asked for). */
    record Page(String id, String title, List<Entry> entries) {
        public Page {
            entries = List.copyOf(entries);
        }
    }

    /**
     * The result of a change, an undo, a plan applied.
     *
     * @param done whether anything changed
     * @param message one line: what was done, or why nothing could be
     * @param consequences what else changed with it ({@code HYPERV_VMBUS n -> y}), one per line
     */
    record Outcome(boolean done, String message, List<String> consequences) {
        public Outcome {
            consequences = List.copyOf(consequences);
        }
    }

    /** A search result: the entry and what matched ({@code name}, {@code prompt}, {@code help}, {@code file}, {@code object}). */
    record Hit(String id, String name, String prompt, String location, String matched) {
    }

    /**
     * A plan to give an entry a value: the config lines as a diff, verified by evaluation.
     *
     * @param title what the plan achieves, or why there is none
     * @param diff the config diff: lines starting with '+' and '-' and context
     * @param applicable whether {@link SessionView#apply} can carry it out
     */
    record Plan(String id, String title, List<String> diff, boolean applicable) {
        public Plan {
            diff = List.copyOf(diff);
        }
    }

    /** An upgrade finding, ranked, with its root cause and, for a loss, its verified fix. */
    record Finding(String id, String headline, List<String> details, Plan fix) {
        public Finding {
            details = List.copyOf(details);
        }
    }

    /** The backtitle: the config file and the main menu's title ({@code .config - Linux/x86 6.12.117 Kernel Configuration}). */
    String backtitle();

    /** The page with this id ({@code null}: the main menu), hidden entries too when {@code showAll}. */
    Page page(String pageId, boolean showAll);

    /** Gives the entry a value ({@code y}, {@code m}, {@code n} or the text of an int/hex/string). */
    Outcome set(String entryId, String value);

    /** The entry's help: its text, location, value origin, dependencies with values, selected-by, what it builds. */
    List<String> help(String entryId);

    /**
     * Searches names, prompts, help texts, defining files and built objects; {@code query} is a
     * regular expression, case-insensitive.
     *
     * @throws IllegalArgumentException with a message when the expression is not valid
     */
    List<Hit> search(String query);

    /** The pages to open, from the main menu down, to show the entry; its page last. */
    List<String> pathTo(String entryId);

    /** The smallest verified plan that makes the entry y (m when y cannot be), as a config diff. */
    Plan enablePlan(String entryId);

    /** Carries out a plan (an enable plan or an upgrade fix) as one undoable step. */
    Outcome apply(Plan plan);

    Outcome undo();

    Outcome redo();

    /** The upgrade review's findings against the old config, most important first; empty without one. */
    List<Finding> review();

    /** Whether the session was given an old config to review against. */
    boolean hasReview();

    /** Whether the values differ from the config as last read or saved. */
    boolean changed();

    /** Saves the config as the kernel's conf writes it (atomically, the previous one kept as .config.old); returns what was written. */
    String save() throws IOException;

    /** Saves the minimal form (savedefconfig's) beside the config; returns what was written. */
    String saveMinimal() throws IOException;
}
