package dev.kconfig4j.preprocess;

import dev.kconfig4j.diagnostic.KconfigException;
import java.util.Arrays;

/**
 * The shape of a reference {@code $(name,arg1,arg2...)}: where it ends and where its arguments
 * split. Only {@code $(} opens a reference ({@code $$}, {@code $X} and a trailing {@code $} are
 * plain text), but every parenthesis counts for nesting, so {@code $(f,(a,b))} passes one
 * argument {@code (a,b)} and a {@code )} inside shell quotes still closes the reference.
 */
final class ReferenceSyntax {
    /** The kernel accepts a name plus at most 15 arguments. */
    static final int MAX_ITEMS = 16;

    private ReferenceSyntax() {
    }

    /** True if a reference starts at {@code index}. */
    static boolean startsReference(CharSequence text, int index) {
        return index + 1 < text.length() && text.charAt(index) == '$' && text.charAt(index + 1) == '(';
    }

    /**
     * The index of the {@code )} closing the reference whose {@code $(} is at {@code dollarIndex},
     * looking no further than {@code to}.
     *
     * @throws KconfigException "unterminated reference to 'REST': missing ')'" (the kernel's
     *     wording, REST being everything after the {@code $(}) if it is never closed
     */
    static int closingParen(String text, int dollarIndex, int to, String file, int line) {
        int depth = 1;
        for (int i = dollarIndex + 2; i < to; i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new KconfigException(file, line,
                "unterminated reference to '" + text.substring(dollarIndex + 2, to) + "': missing ')'");
    }

    /**
     * Splits the inside of a reference, {@code text[from, to)}, on its top-level commas: returns
     * the item boundaries {@code from, comma1 + 1, ..., to + 1}, so item {@code i} is
     * {@code text[b[i], b[i + 1] - 1)} and item 0 is the name. Arguments keep all their
     * whitespace ({@code $(f, a)} passes {@code " a"}), as the docs promise. Positions rather
     * than substrings, so that deeply nested text is not copied once per level.
     *
     * @throws KconfigException "too many function arguments" beyond {@link #MAX_ITEMS} items,
     *     checked before anything is expanded, as the kernel does
     */
    static int[] split(String text, int from, int to, String file, int line) {
        int[] bounds = new int[MAX_ITEMS + 1];
        int items = 0;
        bounds[0] = from;
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                if (++items == MAX_ITEMS) {
                    throw new KconfigException(file, line, "too many function arguments");
                }
                bounds[items] = i + 1;
            }
        }
        bounds[++items] = to + 1;
        return Arrays.copyOf(bounds, items + 1);
    }
}
