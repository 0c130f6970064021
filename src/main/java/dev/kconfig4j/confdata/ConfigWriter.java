package dev.kconfig4j.confdata;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.menu.Menu;
import dev.kconfig4j.menu.Visibility;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Symbol;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes {@code .config} exactly as the kernel does.
 *
 * <p>The file follows the menu tree depth first. A visible menu or comment becomes a
 * {@code #}-framed heading; a visible menu is closed by {@code # end of TITLE} and a blank line
 * before the next symbol. Content of invisible menus is still written when it has values (a
 * selected symbol in a hidden menu). A symbol defined in several places is written once, at its
 * first place; n values of bool/tristate symbols are written as {@code # CONFIG_FOO is not set}.
 */
public final class ConfigWriter {
    private final Kconfig tree;
    private final Configuration config;
    private final String prefix;

    public ConfigWriter(Kconfig tree, Configuration config, String prefix) {
        this.tree = tree;
        this.config = config;
        this.prefix = prefix;
    }

    /** The heading every generated file starts with, in the given comment style. */
    public static String heading(String commentStart, String commentLine, String commentEnd, String title) {
        return commentStart + "\n" + commentLine + " Automatically generated file; DO NOT EDIT.\n" + commentLine + " "
                + title + "\n" + commentEnd + "\n";
    }

    /** The complete {@code .config} text. */
    public String dotConfig() {
        StringBuilder out = new StringBuilder(1 << 18);
        out.append(heading("#", "#", "#", tree.mainMenu()));
        Set<Symbol> written = new HashSet<>();
        boolean[] needNewline = {false};
        for (Menu m : tree.root().children()) {
            write(m, out, written, needNewline);
        }
        return out.toString();
    }

    private void write(Menu m, StringBuilder out, Set<Symbol> written, boolean[] needNewline) {
        Symbol sym = m.symbol();
        boolean heading = false;
        if (sym == null) {
            if (Visibility.isShown(config, m, shown -> { })) {
                out.append("\n#\n# ").append(m.promptText()).append("\n#\n");
                needNewline[0] = false;
                heading = m.kind() == Menu.Kind.MENU
                        && (!m.children().isEmpty() || config.dialect().endsEmptyMenus());
            }
        } else if (!sym.isChoice() && !written.contains(sym) && config.isWritten(sym)) {
            if (needNewline[0]) {
                out.append('\n');
                needNewline[0] = false;
            }
            written.add(sym);
            out.append(line(sym)).append('\n');
        }
        for (Menu c : m.children()) {
            write(c, out, written, needNewline);
        }
        if (heading) {
            out.append("# end of ").append(m.promptText()).append('\n');
            needNewline[0] = true;
        }
    }

    /** One symbol's line in {@code .config} form. */
    public String line(Symbol sym) {
        String name = prefix + sym.name();
        Type type = sym.type();
        if (type.isTristateLike()) {
            Tristate v = config.tristate(sym);
            return v == Tristate.NO ? "# " + name + " is not set" : name + "=" + v.text();
        }
        String v = config.string(sym);
        if (type == Type.STRING) {
            return name + "=\"" + escape(v) + "\"";
        }
        return name + "=" + v;
    }

    /**
     * The user-provided values the configuration changed, as {@code KCONFIG_WARN_CHANGED_INPUT}
     * reports them: in menu order, once per symbol, {@code CONFIG_FOO: y -> n}, including symbols
     * that are not written any more. (A value the reader rejected, such as m for a bool, was
     * never a user value and is not listed: the upgrade guard covers that case.)
     */
    public java.util.List<String> changedUserValues() {
        java.util.List<String> out = new java.util.ArrayList<>();
        Set<Symbol> seen = new HashSet<>();
        for (Menu m : tree.menusInOrder()) {
            Symbol s = m.symbol();
            if (s == null || s.isChoice() || !seen.add(s) || !config.hasUserValue(s)) {
                continue;
            }
            String before;
            String after;
            if (s.type().isTristateLike()) {
                before = config.userTristate(s).text();
                after = config.tristate(s).text();
            } else {
                before = config.userString(s); // strings too, without quotes: CONFIG_T: x y -> def val
                after = config.string(s);
            }
            if (!before.equals(after)) {
                out.add("  " + prefix + s.name() + ": " + before + " -> " + after);
            }
        }
        return out;
    }

    /** One symbol as {@code --listnewconfig} prints it: like {@code .config}, but n as {@code =n}. */
    public String listLine(Symbol sym) {
        if (sym.type().isTristateLike() && config.tristate(sym) == Tristate.NO) {
            return prefix + sym.name() + "=n";
        }
        return line(sym);
    }

    /**
     * A symbol's value as {@code .config} writes it after the {@code =} (n for a bool/tristate at n,
     * strings quoted and escaped), or null when the symbol is not written.
     */
    public static String valueText(Configuration config, Symbol s) {
        if (!config.isWritten(s)) {
            return null;
        }
        if (s.type().isTristateLike()) {
            return config.tristate(s).text();
        }
        if (s.type() == Type.STRING) {
            return "\"" + escape(config.string(s)) + "\"";
        }
        return config.string(s);
    }

    /** Backslash before every double quote and backslash, as config files quote strings. */
    public static String escape(String s) {
        if (s.indexOf('"') < 0 && s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
