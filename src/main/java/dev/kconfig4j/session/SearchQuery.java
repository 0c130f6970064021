package dev.kconfig4j.session;

import java.util.EnumSet;
import java.util.Set;

/**
 * A search of the session: text (or a regular expression) over chosen fields, and filters that
 * every hit must pass. Matching ignores case.
 *
 * @param text the text to find; empty matches every entry (then only the filters choose)
 * @param regex whether {@code text} is a regular expression ({@link java.util.regex.Pattern})
 * @param fields where to look
 * @param changed only symbols whose value differs from their default (what savedefconfig writes)
 * @param onlyNew only symbols the config gave no value that the user could set (what oldconfig asks)
 * @param hidden only entries the kernel does not show now
 * @param selectedBy only symbols selected by this symbol (null: no such filter)
 * @param limit the most hits returned
 */
public record SearchQuery(String text, boolean regex, Set<Field> fields, boolean changed, boolean onlyNew,
        boolean hidden, String selectedBy, int limit) {

    public SearchQuery {
        text = text == null ? "" : text;
        fields = fields == null || fields.isEmpty() ? EnumSet.allOf(Field.class) : EnumSet.copyOf(fields);
        limit = limit <= 0 ? 200 : limit;
    }

    /** A plain-text search over every field, without filters. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, false, null, false, false, false, null, 200);
    }

    /** Where a search looks. */
    public enum Field {
        /** The symbol's name. */
        NAME,
        /** The prompt. */
        PROMPT,
        /** The help text. */
        HELP,
        /** The Kconfig file that defines the entry. */
        FILE,
        /** The objects, directories and modules the symbol builds (from the Makefiles). */
        KBUILD
    }
}
