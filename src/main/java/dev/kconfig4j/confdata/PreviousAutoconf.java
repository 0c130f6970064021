package dev.kconfig4j.confdata;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.symbol.Numbers;
import dev.kconfig4j.symbol.Symbol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values an existing {@code auto.conf} recorded, read the way the kernel's tool reads it to
 * decide which symbols changed (behaviour observed with the kernel's tool):
 *
 * <ul>
 * <li>{@code CONFIG_FOO=value} and {@code # CONFIG_FOO is not set} lines count; a later line
 * overrides an earlier one (warned as {@code override: reassigning to symbol FOO}); any other
 * line that is not a comment or empty is warned about as unexpected data (up to 6.1 a
 * {@code CONFIG_FOO} line without {@code =} is skipped silently).
 * <li>Values are checked against the symbol's type and invalid ones ignored, silently: a
 * bool/tristate takes the first letter ({@code y}, {@code n}; {@code m} for tristates only), an
 * int or hex must be well formed. From 6.1 strings are taken verbatim (auto.conf no longer quotes
 * them); 5.10 strings are quoted and unescaped like {@code .config}'s.
 * <li>{@code is not set} counts for bool, tristate and untyped symbols only.
 * <li>Names the tree does not define are recorded whatever their value.
 * </ul>
 */
final class PreviousAutoconf {
    /** One recorded value: the tristate for bool/tristate symbols, else the text. */
    record Value(Tristate tristate, String text) {
    }

    private final Map<String, Value> values = new LinkedHashMap<>();

    private PreviousAutoconf() {
    }

    Value get(String name) {
        return values.get(name);
    }

    Set<String> names() {
        return values.keySet();
    }

    /** Reads the file named {@code name} (warnings to the request's stderr); empty if it does not exist. */
    static PreviousAutoconf read(Kconfig tree, BuildDirectory req, String name, String prefix) throws IOException {
        PreviousAutoconf out = new PreviousAutoconf();
        Path p = req.resolve(name);
        if (!Files.isRegularFile(p)) {
            return out;
        }
        String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        int count = lines.length;
        if (count > 0 && lines[count - 1].isEmpty()) {
            count--;
        }
        boolean quotedStrings = tree.dialect().autoconfQuotesStrings();
        for (int i = 0; i < count; i++) {
            String line = lines[i];
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            out.readLine(tree, req, name, i + 1, line, prefix, quotedStrings);
        }
        return out;
    }

    private void readLine(Kconfig tree, BuildDirectory req, String file, int lineNo, String line, String prefix,
            boolean quotedStrings) {
        String symName;
        String value;
        boolean notSet = false;
        if (line.startsWith("#")) {
            if (!line.startsWith("# " + prefix)) {
                return;
            }
            String rest = line.substring(2 + prefix.length());
            int sp = rest.indexOf(' ');
            if (sp < 0 || !rest.substring(sp + 1).equals("is not set")) {
                return;
            }
            symName = rest.substring(0, sp);
            value = "n";
            notSet = true;
        } else {
            if (!line.startsWith(prefix)) {
                if (!line.isEmpty()) {
                    warn(req, file, lineNo, "unexpected data: " + line);
                }
                return;
            }
            String rest = line.substring(prefix.length());
            int eq = rest.indexOf('=');
            if (eq < 0) {
                if (tree.dialect().warnsAboutMalformedAutoconf()) {
                    warn(req, file, lineNo, "unexpected data: " + line);
                }
                return;
            }
            symName = rest.substring(0, eq);
            value = rest.substring(eq + 1);
        }
        Symbol sym = tree.symbols().find(symName);
        Type type = sym == null || sym.isChoice() && sym.type() == Type.UNKNOWN ? Type.UNKNOWN : sym.type();
        if (notSet && !(type == Type.BOOL || type == Type.TRISTATE || type == Type.UNKNOWN)) {
            return;
        }
        if (values.containsKey(symName)) {
            warn(req, file, lineNo, "override: reassigning to symbol " + symName);
        }
        Value v = parse(type, value, quotedStrings);
        if (v != null) {
            values.put(symName, v);
        }
    }

    private static Value parse(Type type, String text, boolean quotedStrings) {
        switch (type) {
            case BOOL, TRISTATE -> {
                char c = text.isEmpty() ? 0 : text.charAt(0);
                if (c == 'm' && type == Type.TRISTATE) {
                    return new Value(Tristate.MOD, "m");
                }
                if (c == 'y') {
                    return new Value(Tristate.YES, "y");
                }
                if (c == 'n') {
                    return new Value(Tristate.NO, "n");
                }
                return null;
            }
            case STRING -> {
                if (!quotedStrings) {
                    return new Value(Tristate.NO, text);
                }
                String s = unquote(text);
                return s == null ? null : new Value(Tristate.NO, s);
            }
            case INT, HEX -> {
                return Numbers.isValid(type, text) ? new Value(Tristate.NO, text) : null;
            }
            default -> {
                return new Value(Tristate.NO, text);
            }
        }
    }

    /** A quoted, backslash-escaped string's content, or null if it is not one. */
    private static String unquote(String text) {
        if (!text.startsWith("\"")) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                i++;
                if (i >= text.length()) {
                    break;
                }
                c = text.charAt(i);
            }
            sb.append(c);
        }
        return null;
    }

    private static void warn(BuildDirectory req, String file, int line, String message) {
        req.diagnostics().warning(file, line, message);
    }
}
