package dev.kconfig4j.confdata;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Numbers;
import dev.kconfig4j.symbol.Symbol;
import java.util.List;

/**
 * Reads config files ({@code .config}, defconfigs, fragments) into user values, as the
 * kernel does.
 *
 * <p>Two line forms count: {@code CONFIG_FOO=value} and {@code # CONFIG_FOO is not set}; other
 * comments are ignored, anything else is warned about as unexpected data. Unknown symbols are
 * skipped. A later line for the same symbol overrides an earlier one, with a warning. Values are
 * checked against the symbol's type ({@code symbol value 'm' invalid for FOO} for a bool) and
 * rejected ones are dropped: the symbol then takes its default.
 */
public final class ConfigReader {
    private final Kconfig tree;
    private final Configuration config;
    private final Diagnostics warnings;
    private final String prefix;
    private final boolean warnUnknown;
    /**
     * Up to 6.1: the state each tristate choice has accumulated from its members' lines (y or m
     * of any member), kept even while the choice is not user-set, because later lines are checked
     * against it.
     */
    private final java.util.Map<Symbol, Tristate> choiceStates = new java.util.HashMap<>();
    /**
     * Up to 6.1: choices that a member's {@code m} made inconsistent after another member's
     * {@code y}. Such a choice stays without a user value for the rest of the read, whatever later
     * lines say (the kernel's conf then gives every member set m, even one set y afterwards).
     */
    private final java.util.Set<Symbol> inconsistentChoices = new java.util.HashSet<>();
    private int warningCount;
    private int unknownCount;

    /**
     * @param prefix the symbol prefix, normally {@code CONFIG_}
     * @param warnUnknown whether to warn about unknown symbols ({@code KCONFIG_WARN_UNKNOWN_SYMBOLS})
     */
    public ConfigReader(Kconfig tree, Configuration config, Diagnostics warnings, String prefix, boolean warnUnknown) {
        this.tree = tree;
        this.config = config;
        this.warnings = warnings;
        this.prefix = prefix;
        this.warnUnknown = warnUnknown;
    }

    private boolean changed;

    /**
     * Whether the configuration read differs from what would be written back (a value was
     * invalid, a symbol unknown, a new symbol appeared): the kernel's "changed" state, which
     * KCONFIG_NOSILENTUPDATE turns into an error for syncconfig. Valid after {@link #afterRead()}.
     */
    public boolean changed() {
        return changed;
    }

    /** A config file read into a tree: the settled configuration and the warnings reading it gave. */
    public record Read(Configuration configuration, List<Diagnostic> diagnostics) {
        public Read {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * What {@code olddefconfig} does with a config: reads it into a fresh configuration of
     * {@code tree} and settles it.
     */
    public static Read load(Kconfig tree, String name, String text) {
        return load(tree, ConfigFile.of(name, text));
    }

    /** {@link #load(Kconfig, String, String)} of a config file already parsed (with the prefix {@code CONFIG_}). */
    public static Read load(Kconfig tree, ConfigFile file) {
        Configuration config = tree.newConfiguration();
        Diagnostics warnings = new Diagnostics();
        ConfigReader reader = new ConfigReader(tree, config, warnings, "CONFIG_", false);
        reader.read(file);
        reader.afterRead();
        return new Read(config, warnings.list());
    }

    /** How many warnings reading printed so far. */
    public int warningCount() {
        return warningCount;
    }

    /** How many assignments named symbols the tree does not know. */
    public int unknownCount() {
        return unknownCount;
    }

    /**
     * Applies the assignments of one config file's text. {@code name} is the file name used in
     * warnings. User values set by earlier reads stay unless this file overrides them.
     */
    public void read(String name, String text) {
        read(ConfigFile.of(name, text, prefix));
    }

    /** {@link #read(String, String)} of a config file already parsed (with this reader's prefix). */
    public void read(ConfigFile file) {
        config.clearAllUserValues();
        apply(file);
    }

    /**
     * Applies more assignments on top of the current user values, as if the lines had been
     * appended to the file read last (later lines override earlier ones).
     */
    public void apply(String name, String text) {
        apply(ConfigFile.of(name, text, prefix));
    }

    /** {@link #apply(String, String)} of a config file already parsed (with this reader's prefix). */
    public void apply(ConfigFile file) {
        if (!file.prefix().equals(prefix)) {
            throw new IllegalArgumentException(file.name() + " was read with the prefix " + file.prefix()
                    + ", not " + prefix);
        }
        boolean upTo61 = !config.dialect().warnsAboutAssignmentsWithoutValue();
        for (ConfigFile.Line line : file.lines()) {
            if (line.nul() == 0 && upTo61) {
                // Up to 6.1 a line starting with a NUL byte (an empty C string, yet no line end)
                // is unexpected data. A NUL further on leaves a string value unterminated
                // ("invalid string found", the default stays): it never reaches an output file.
                warn(file.name(), line.number(), "unexpected data: ");
                continue;
            }
            readLine(file.name(), line, upTo61);
        }
    }

    private void warn(String file, int line, String message) {
        warningCount++;
        warnings.warning(file, line, message);
    }

    private void readLine(String file, ConfigFile.Line l, boolean upTo61) {
        int lineNo = l.number();
        String line = l.text();
        // Up to 6.1 anything may follow "is not set": the kernel compares only those words.
        if (!l.assigns() || !l.exact() && !upTo61) {
            boolean noValue = line.startsWith(prefix) && line.indexOf('=') < 0;
            if (noValue && upTo61) {
                return;
            }
            // Up to 6.1 the line is shown up to its first carriage return (none: nothing is said).
            int cr = line.indexOf('\r');
            String shown = upTo61 && cr >= 0 ? line.substring(0, cr) : line;
            if (!shown.isEmpty() && !line.startsWith("#")) {
                warn(file, lineNo, "unexpected data: " + shown);
            }
            return;
        }
        String symName = l.symbol();
        String value = l.value();
        Symbol sym = tree.symbols().find(symName);
        if (sym == null) {
            unknownCount++;
            if (warnUnknown) {
                warn(file, lineNo, "unknown symbol: " + symName);
            }
            return;
        }
        if (config.hasUserValue(sym)) {
            warn(file, lineNo, "override: reassigning to symbol " + sym.name());
        }
        if (!assign(file, lineNo, sym, value)) {
            return;
        }
        noteChoiceMember(file, lineNo, sym);
    }

    /** Sets the user value from a config file's text; false (with a warning) when the text is invalid. */
    private boolean assign(String file, int lineNo, Symbol sym, String text) {
        Type type = sym.type();
        switch (type) {
            case TRISTATE:
            case BOOL: {
                char c = text.isEmpty() ? 0 : text.charAt(0);
                if (c == 'm' && type == Type.TRISTATE) {
                    config.setUser(sym, Tristate.MOD);
                } else if (c == 'y') {
                    config.setUser(sym, Tristate.YES);
                } else if (c == 'n') {
                    config.setUser(sym, Tristate.NO);
                } else {
                    warn(file, lineNo, "symbol value '" + text + "' invalid for " + sym.name());
                    return false;
                }
                return true;
            }
            case STRING: {
                if (!text.startsWith("\"")) {
                    return true; // an unquoted string is silently ignored
                }
                StringBuilder sb = new StringBuilder();
                int i = 1;
                boolean closed = false;
                while (i < text.length()) {
                    char c = text.charAt(i);
                    if (c == '"') {
                        closed = true;
                        break;
                    }
                    if (c == '\\' && i + 1 < text.length()) {
                        i++;
                        c = text.charAt(i);
                    } else if (c == '\\') {
                        i++;
                        continue;
                    }
                    sb.append(c);
                    i++;
                }
                if (!closed) {
                    warn(file, lineNo, "invalid string found");
                    return false;
                }
                config.setUser(sym, sb.toString());
                return true;
            }
            case INT:
            case HEX:
                if (!Numbers.isValid(type, text)) {
                    warn(file, lineNo, "symbol value '" + text + "' invalid for " + sym.name());
                    return false;
                }
                config.setUser(sym, text);
                return true;
            default:
                return true;
        }
    }

    /**
     * What the kernel does after reading the main config ({@code .config}), before using it:
     * every symbol is computed once (which fixes the visibility later passes may reuse). Up to
     * 6.1 it also drops user values of int/hex/string symbols outside their active range, and
     * (only when every value was as saved) the user values of invisible symbols.
     */
    public void afterRead() {
        config.computeAll();
        int unsaved = 0;
        for (Symbol s : tree.symbols().all()) {
            if (s.isConstant() || s.isChoice()) {
                continue;
            }
            boolean written = config.isWritten(s);
            if (config.hasUserValue(s) && written) {
                if (s.type().isTristateLike() ? config.userTristate(s) == config.tristate(s)
                        : config.userString(s).equals(config.string(s))) {
                    continue;
                }
            } else if (!config.hasUserValue(s) && !written) {
                continue;
            }
            unsaved++;
        }
        changed = unsaved > 0 || warningCount > 0 || unknownCount > 0;
        if (!config.dialect().dropsOutOfRangeUserValues()) {
            return;
        }
        for (Symbol s : tree.symbols().all()) {
            if (s.isConstant() || !config.hasUserValue(s) || s.parentChoice() != null) {
                continue;
            }
            boolean outOfRange = (s.type() == Type.INT || s.type() == Type.HEX || s.type() == Type.STRING)
                    && !config.withinRange(s, config.userString(s));
            if (outOfRange || unsaved == 0 && config.visibility(s) == Tristate.NO) {
                config.dropUserAfterRead(s, outOfRange);
            }
        }
    }

    /** Choice bookkeeping for a member named in the input; the rule differs by dialect. */
    private void noteChoiceMember(String file, int lineNo, Symbol sym) {
        Symbol choice = sym.parentChoice();
        if (choice == null) {
            return;
        }
        if (config.dialect().choicesByPriority()) {
            config.raisePriority(sym);
            return;
        }
        Tristate v = config.userTristate(sym);
        if (v == null) {
            // A member without a type (a broken tree) takes no value from its line, so the line
            // changes no choice state either: the kernel reads past it.
            return;
        }
        Tristate choiceTri = choiceStates.computeIfAbsent(choice, c -> {
            Tristate t = config.userTristate(c);
            return t == null ? Tristate.NO : t;
        });
        switch (v) {
            case MOD -> {
                if (choiceTri == Tristate.YES) {
                    warn(file, lineNo, sym.name() + " creates inconsistent choice state");
                }
            }
            case YES -> {
                if (choiceTri != Tristate.NO) {
                    warn(file, lineNo, "override: " + sym.name() + " changes choice state");
                }
                config.setChoiceUserSelection(choice, sym);
            }
            default -> {
            }
        }
        if (v == Tristate.MOD && choiceTri == Tristate.YES) {
            inconsistentChoices.add(choice);
        }
        choiceStates.put(choice, choiceTri.or(v));
        if (inconsistentChoices.contains(choice)) {
            config.clearUser(choice);
        } else {
            config.setUser(choice, choiceTri.or(v));
        }
    }
}
