package dev.kconfig4j.parse;

import dev.kconfig4j.preprocess.Preprocessor;
import dev.kconfig4j.diagnostic.Diagnostics;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one Kconfig file into logical lines of {@link Token}s, expanding macros as it goes.
 *
 * <p>Kconfig is line oriented: a statement never spans lines except through a trailing
 * backslash. Macro references ({@code $(...)}) are expanded while lexing, in file order, because
 * variable assignments ({@code cc-option = ...}) earlier in the input change what later lines
 * mean; an expanded word stays one token even if the expansion contains blanks. Help text is
 * read raw (never expanded) on the parser's request, since only the parser knows a help block
 * has started.
 */
public final class Lexer {
    private final String file;
    private final String[] lines;
    private final Preprocessor preprocessor;
    private final Diagnostics warnings;
    private int next; // index of the next physical line

    /** A lexed line: its tokens, or an assignment. */
    public record Line(Location location, List<Token> tokens) {
        public Token first() {
            return tokens.get(0);
        }
    }

    public Lexer(String file, String text, Preprocessor preprocessor, Diagnostics warnings) {
        this.file = file;
        this.lines = text.split("\n", -1);
        this.preprocessor = preprocessor;
        this.warnings = warnings;
    }

    public String file() {
        return file;
    }

    /** The number of lines of the file (a final newline does not start another line). */
    public int lineCount() {
        return lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
    }

    /** The next line with tokens (assignments are performed and skipped), or null at the end. */
    public Line nextLine() {
        while (next < lines.length) {
            int lineNo = next + 1;
            String text = joinContinuations();
            Location loc = new Location(file, lineNo);
            List<Token> tokens = tokenize(text, loc);
            if (tokens == null || tokens.isEmpty()) {
                continue;
            }
            return new Line(loc, tokens);
        }
        return null;
    }

    private String joinContinuations() {
        StringBuilder sb = new StringBuilder();
        while (next < lines.length) {
            String l = lines[next++];
            if (l.endsWith("\r")) {
                l = l.substring(0, l.length() - 1);
            }
            if (l.endsWith("\\")) {
                sb.append(l, 0, l.length() - 1);
                continue;
            }
            sb.append(l);
            break;
        }
        return sb.toString();
    }

    /**
     * Reads a help block, keeping its text exactly as the kernel stores it (help screens print
     * it verbatim):
     * <ul>
     *   <li>the first text line fixes the indentation (tabs count to the next multiple of 8);
     *       a later line indented less ends the block, one indented more keeps the extra
     *       indentation as spaces; trailing blanks of a line are dropped;</li>
     *   <li>blank lines are kept, also before the first text line;</li>
     *   <li>a line starting in column 0 ends the block, and the newline just before it is not
     *       part of the text (so help followed directly by {@code endmenu} has no final newline,
     *       help followed by one blank line has exactly one).</li>
     * </ul>
     */
    public String readHelp() {
        StringBuilder text = new StringBuilder();
        int firstIndent = 0;
        int end = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        boolean firstLine = true;
        while (next < end) {
            String l = stripCr(lines[next]);
            int indent = 0;
            int i = 0;
            while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
                indent = l.charAt(i) == '\t' ? (indent & ~7) + 8 : indent + 1;
                i++;
            }
            if (i == l.length()) { // a blank line: its newline
                next++;
                if (startsInColumnZero(next, end)) {
                    break;
                }
                text.append('\n');
                firstLine = false;
                continue;
            }
            if (i == 0 && !firstLine) {
                break; // (only reachable at the very start; otherwise the newline check ended the block)
            }
            if (i > 0 && firstIndent != 0 && indent < firstIndent) {
                break;
            }
            if (firstIndent != 0) {
                text.append(" ".repeat(indent - firstIndent));
            }
            int stop = l.length();
            while (stop > i && (l.charAt(stop - 1) == ' ' || l.charAt(stop - 1) == '\t')) {
                stop--;
            }
            text.append(l, i, stop);
            if (firstIndent == 0) {
                firstIndent = indent;
            }
            firstLine = false;
            next++;
            if (next >= lines.length || (next == end && end < lines.length)) {
                if (next == end && end < lines.length) {
                    text.append('\n'); // the file's final newline
                }
                break;
            }
            if (startsInColumnZero(next, end)) {
                break;
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Whether physical line {@code index} exists and starts with a character that is not blank. */
    private boolean startsInColumnZero(int index, int end) {
        if (index >= end) {
            return false;
        }
        String l = lines[index];
        return !l.isEmpty() && l.charAt(0) != ' ' && l.charAt(0) != '\t' && l.charAt(0) != '\r';
    }

    private static String stripCr(String l) {
        return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '-' || c == '/' || c == '.';
    }

    /** Tokens of one logical line; performs a variable assignment and returns null for it. */
    private List<Token> tokenize(String s, Location loc) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\f' || c == 0x0b) {
                i++;
                continue;
            }
            if (c == '#') {
                break;
            }
            if (c == '"' || c == '\'') {
                i = lexString(s, i, loc, out);
                continue;
            }
            if (isWordChar(c) || (c == '$' && i + 1 < n && s.charAt(i + 1) == '(')) {
                int start = i;
                boolean macro = false;
                while (i < n) {
                    char d = s.charAt(i);
                    if (d == '$' && i + 1 < n && s.charAt(i + 1) == '(') {
                        i = skipReference(s, i, loc);
                        macro = true;
                    } else if (isWordChar(d)) {
                        i++;
                    } else {
                        break;
                    }
                }
                String word = s.substring(start, i);
                // An assignment: the first word of a line, followed by =, := or +=.
                if (out.isEmpty()) {
                    int j = i;
                    while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                        j++;
                    }
                    Preprocessor.Flavor flavor = null;
                    int opLen = 0;
                    if (s.startsWith(":=", j)) {
                        flavor = Preprocessor.Flavor.SIMPLE;
                        opLen = 2;
                    } else if (s.startsWith("+=", j)) {
                        flavor = Preprocessor.Flavor.APPEND;
                        opLen = 2;
                    } else if (j < n && s.charAt(j) == '=') {
                        flavor = Preprocessor.Flavor.RECURSIVE;
                        opLen = 1;
                    }
                    if (flavor != null && !Keywords.isStatementKeyword(word)) {
                        int v = j + opLen;
                        while (v < n && (s.charAt(v) == ' ' || s.charAt(v) == '\t')) {
                            v++;
                        }
                        preprocessor.assign(word, flavor, s.substring(v), loc.file(), loc.line());
                        return null;
                    }
                }
                if (macro) {
                    word = preprocessor.expand(word, loc.file(), loc.line());
                    if (word.isEmpty()) {
                        continue;
                    }
                }
                out.add(new Token(Token.Kind.WORD, word));
                continue;
            }
            Token.Kind op = null;
            int len = 1;
            char d = i + 1 < n ? s.charAt(i + 1) : 0;
            switch (c) {
                case '&':
                    if (d == '&') {
                        op = Token.Kind.AND;
                        len = 2;
                    }
                    break;
                case '|':
                    if (d == '|') {
                        op = Token.Kind.OR;
                        len = 2;
                    }
                    break;
                case '!':
                    if (d == '=') {
                        op = Token.Kind.UNEQUAL;
                        len = 2;
                    } else {
                        op = Token.Kind.NOT;
                    }
                    break;
                case '=':
                    op = Token.Kind.EQUAL;
                    break;
                case '<':
                    if (d == '=') {
                        op = Token.Kind.LESS_EQUAL;
                        len = 2;
                    } else {
                        op = Token.Kind.LESS;
                    }
                    break;
                case '>':
                    if (d == '=') {
                        op = Token.Kind.GREATER_EQUAL;
                        len = 2;
                    } else {
                        op = Token.Kind.GREATER;
                    }
                    break;
                case '(':
                    op = Token.Kind.OPEN_PAREN;
                    break;
                case ')':
                    op = Token.Kind.CLOSE_PAREN;
                    break;
                default:
                    break;
            }
            if (op == null) {
                warnings.warning(loc.file(), loc.line(), "ignoring unsupported character '" + c + "'");
                i++;
                continue;
            }
            out.add(new Token(op, s.substring(i, i + len)));
            i += len;
        }
        return out;
    }

    /** Index just past the {@code )} that closes the reference starting at {@code i} ({@code $(}). */
    private static int skipReference(String s, int i, Location loc) {
        return Preprocessor.referenceEnd(s, i, loc.file(), loc.line());
    }

    private int lexString(String s, int i, Location loc, List<Token> out) {
        char quote = s.charAt(i);
        StringBuilder sb = new StringBuilder();
        int j = i + 1;
        int n = s.length();
        while (true) {
            if (j >= n) {
                warnings.warning(loc.file(), loc.line(), "multi-line strings not supported");
                break;
            }
            char c = s.charAt(j);
            if (c == quote) {
                j++;
                break;
            }
            if (c == '\\' && j + 1 < n) {
                sb.append(s.charAt(j + 1));
                j += 2;
                continue;
            }
            if (c == '$' && j + 1 < n && s.charAt(j + 1) == '(') {
                int end = skipReference(s, j, loc);
                sb.append(preprocessor.expand(s.substring(j, end), loc.file(), loc.line()));
                j = end;
                continue;
            }
            sb.append(c);
            j++;
        }
        out.add(new Token(Token.Kind.STRING, sb.toString()));
        return j;
    }
}
