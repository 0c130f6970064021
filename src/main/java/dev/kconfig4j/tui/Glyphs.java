package dev.kconfig4j.tui;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The characters frames are drawn with: line drawing where the terminal can show it, plain ASCII
 * where it cannot (a C or POSIX locale, a serial console). Text from the tree goes through
 * {@link #text} so that an ASCII terminal never receives a byte it would show as garbage.
 */
public record Glyphs(boolean unicode, char horizontal, char vertical, char topLeft, char topRight, char bottomLeft,
        char bottomRight, char teeLeft, char teeRight) {

    public static final Glyphs UNICODE = new Glyphs(true, '\u2500', '\u2502', '\u250c', '\u2510', '\u2514', '\u2518',
            '\u251c', '\u2524');
    public static final Glyphs ASCII = new Glyphs(false, '-', '|', '+', '+', '+', '+', '+', '+');

    /**
     * What the locale of {@code environment} allows: line drawing only when its character set is
     * UTF-8 ({@code LC_ALL}, else {@code LC_CTYPE}, else {@code LANG}, as the C library decides).
     */
    public static Glyphs forEnvironment(Map<String, String> environment) {
        return charset(environment) == StandardCharsets.UTF_8 ? UNICODE : ASCII;
    }

    /** The terminal's character set by the same rule: UTF-8 or US-ASCII. */
    public static Charset charset(Map<String, String> environment) {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = environment.get(name);
            if (v != null && !v.isEmpty()) {
                String lower = v.toLowerCase(Locale.ROOT);
                return lower.contains("utf-8") || lower.contains("utf8") ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII;
            }
        }
        return StandardCharsets.US_ASCII;
    }

    /** {@code s} as this terminal can show it: tabs expanded, control characters dropped, non-ASCII as '?' in ASCII mode. */
    public String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                do {
                    b.append(' ');
                } while (b.length() % 8 != 0);
            } else if (c < ' ' || c == 0x7f) {
                continue;
            } else if (c > '~' && !unicode) {
                b.append('?');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
