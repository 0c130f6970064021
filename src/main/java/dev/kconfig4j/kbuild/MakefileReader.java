package dev.kconfig4j.kbuild;

import dev.kconfig4j.kbuild.MakeStatement.Op;
import dev.kconfig4j.parse.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads a Makefile or Kbuild file into {@link MakeStatement}s: logical lines (backslash-newline
 * joins lines, as in make, also in comments), comments ({@code #} not escaped), variable
 * assignments with every operator, {@code export}/{@code override} prefixes, {@code define}
 * blocks, conditional directives (nested, with {@code else ifeq} chains) and includes. Rule
 * lines and their recipes (lines starting with a tab after a rule) are skipped: they do not decide
 * which objects are built.
 *
 * <p>Malformed input never throws: an unbalanced {@code else}/{@code endif}, an unterminated
 * conditional or {@code define} is recorded in {@link #problems()} and reading goes on.
 */
public final class MakefileReader {
    private final String file;
    private final List<Note> problems = new ArrayList<>();

    private MakefileReader(String file) {
        this.file = file;
    }

    /** The statements of {@code text}; {@code file} names the file in locations. */
    public static Result read(String file, String text) {
        MakefileReader r = new MakefileReader(file);
        List<MakeStatement> statements = r.parse(r.logicalLines(text));
        return new Result(statements, List.copyOf(r.problems));
    }

    /** A file's statements and what could not be read. */
    public record Result(List<MakeStatement> statements, List<Note> problems) {
    }

    private record Line(int number, String text, boolean tab) {
    }

    private List<Line> logicalLines(String text) {
        String[] physical = text.split("\n", -1);
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < physical.length; i++) {
            int start = i;
            StringBuilder sb = new StringBuilder(stripCr(physical[i]));
            while (endsWithContinuation(sb) && i + 1 < physical.length) {
                sb.setLength(sb.length() - 1);
                // make turns backslash-newline and the whitespace around it into one space
                while (sb.length() > 0 && Character.isWhitespace(sb.charAt(sb.length() - 1))) {
                    sb.setLength(sb.length() - 1);
                }
                sb.append(' ').append(stripCr(physical[++i]).stripLeading());
            }
            String raw = sb.toString();
            out.add(new Line(start + 1, raw, raw.startsWith("\t")));
        }
        return out;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean endsWithContinuation(CharSequence s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** The line without its comment; {@code \#} stays a literal {@code #}. */
    static String stripComment(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '#') {
                sb.append('#');
                i++;
            } else if (c == '#') {
                break;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private final class Frame {
        final Location location;
        final MakeStatement.Test test;
        final List<MakeStatement> then = new ArrayList<>();
        List<MakeStatement> otherwise;
        /** Frames opened by {@code else ifeq} close with the same endif as their parent. */
        final boolean chained;

        Frame(Location location, MakeStatement.Test test, boolean chained) {
            this.location = location;
            this.test = test;
            this.chained = chained;
        }

        List<MakeStatement> current() {
            return otherwise != null ? otherwise : then;
        }
    }

    private List<MakeStatement> parse(List<Line> lines) {
        List<MakeStatement> top = new ArrayList<>();
        Deque<Frame> open = new ArrayDeque<>();
        boolean inRule = false;
        for (int idx = 0; idx < lines.size(); idx++) {
            Line line = lines.get(idx);
            Location loc = new Location(file, line.number());
            List<MakeStatement> into = open.isEmpty() ? top : open.peek().current();
            if (line.tab() && inRule) {
                continue; // a recipe line
            }
            String text = stripComment(line.text()).strip();
            if (text.isEmpty()) {
                continue;
            }
            String word = firstWord(text);
            String rest = text.substring(word.length()).strip();
            switch (word) {
                case "ifdef", "ifndef", "ifeq", "ifneq" -> {
                    MakeStatement.Test t = test(word, rest, loc);
                    open.push(new Frame(loc, t, false));
                    continue;
                }
                case "else" -> {
                    if (open.isEmpty() || open.peek().otherwise != null) {
                        problems.add(new Note(loc, "else without a matching if"));
                        continue;
                    }
                    Frame f = open.peek();
                    f.otherwise = new ArrayList<>();
                    if (!rest.isEmpty()) {
                        String w = firstWord(rest);
                        if (w.equals("ifdef") || w.equals("ifndef") || w.equals("ifeq") || w.equals("ifneq")) {
                            open.push(new Frame(loc, test(w, rest.substring(w.length()).strip(), loc), true));
                        } else {
                            problems.add(new Note(loc, "extraneous text after else: " + rest));
                        }
                    }
                    continue;
                }
                case "endif" -> {
                    if (open.isEmpty()) {
                        problems.add(new Note(loc, "endif without a matching if"));
                        continue;
                    }
                    closeChain(open, top);
                    continue;
                }
                case "define" -> {
                    idx = define(lines, idx, rest, loc, into);
                    continue;
                }
                case "include", "-include", "sinclude" -> {
                    into.add(new MakeStatement.Include(loc, rest, !word.equals("include")));
                    inRule = false;
                    continue;
                }
                default -> {
                }
            }
            MakeStatement s = assignment(text, loc);
            if (s != null) {
                into.add(s);
                inRule = false;
            } else if (word.equals("export") || word.equals("unexport")) {
                if (word.equals("export") && !rest.isEmpty()) {
                    into.add(new MakeStatement.Export(loc, rest));
                }
                inRule = false;
            } else if (word.equals("undefine") || word.equals("vpath")) {
                inRule = false;
            } else if (isRule(text)) {
                inRule = true;
            }
            // Anything else ($(eval ...) lines, stray text) builds nothing make reads here.
        }
        while (!open.isEmpty()) {
            Frame f = open.peek();
            problems.add(new Note(f.location, "missing endif"));
            closeChain(open, top);
        }
        return top;
    }

    /** Closes the innermost conditional and the {@code else if} frames chained to it. */
    private void closeChain(Deque<Frame> open, List<MakeStatement> top) {
        while (true) {
            Frame f = open.pop();
            MakeStatement.If s = new MakeStatement.If(f.location, f.test, List.copyOf(f.then),
                    f.otherwise == null ? List.of() : List.copyOf(f.otherwise));
            (open.isEmpty() ? top : open.peek().current()).add(s);
            if (!f.chained) {
                return;
            }
        }
    }

    private int define(List<Line> lines, int idx, String rest, Location loc, List<MakeStatement> into) {
        String name = rest;
        Op op = Op.RECURSIVE;
        for (String o : new String[] {"::=", ":=", "+=", "?=", "="}) {
            if (rest.endsWith(o)) {
                name = rest.substring(0, rest.length() - o.length()).strip();
                op = switch (o) {
                    case "::=", ":=" -> Op.SIMPLE;
                    case "+=" -> Op.APPEND;
                    case "?=" -> Op.CONDITIONAL;
                    default -> Op.RECURSIVE;
                };
                break;
            }
        }
        StringBuilder body = new StringBuilder();
        int depth = 1;
        for (int i = idx + 1; i < lines.size(); i++) {
            String t = lines.get(i).text().strip();
            if (firstWord(t).equals("define")) {
                depth++;
            } else if (firstWord(t).equals("endef") && --depth == 0) {
                into.add(new MakeStatement.Define(loc, name, op, body.toString()));
                return i;
            }
            if (body.length() > 0) {
                body.append('\n');
            }
            body.append(lines.get(i).text());
        }
        problems.add(new Note(loc, "missing endef"));
        return lines.size();
    }

    private MakeStatement.Test test(String directive, String rest, Location loc) {
        String text = directive + " " + rest;
        if (directive.equals("ifdef") || directive.equals("ifndef")) {
            return new MakeStatement.Defined(rest, directive.equals("ifndef"), text);
        }
        boolean negated = directive.equals("ifneq");
        String left;
        String right;
        if (rest.startsWith("(") && rest.endsWith(")")) {
            String inner = rest.substring(1, rest.length() - 1);
            int comma = topLevel(inner, ',');
            if (comma < 0) {
                problems.add(new Note(loc, "malformed conditional: " + text));
                return new MakeStatement.Equal("", "x", negated, text);
            }
            // make strips blanks before the comma, after it, and before the closing parenthesis
            left = inner.substring(0, comma).stripTrailing();
            right = inner.substring(comma + 1).strip();
        } else {
            List<String> quoted = quoted(rest);
            if (quoted.size() != 2) {
                problems.add(new Note(loc, "malformed conditional: " + text));
                return new MakeStatement.Equal("", "x", negated, text);
            }
            left = quoted.get(0);
            right = quoted.get(1);
        }
        return new MakeStatement.Equal(left, right, negated, text);
    }

    private static List<String> quoted(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char q = s.charAt(i);
            if (q == '"' || q == '\'') {
                int end = s.indexOf(q, i + 1);
                if (end < 0) {
                    return List.of();
                }
                out.add(s.substring(i + 1, end));
                i = end + 1;
            } else if (Character.isWhitespace(q)) {
                i++;
            } else {
                return List.of();
            }
        }
        return out;
    }

    /** The index of the first {@code target} outside parentheses and braces, or -1. */
    static int topLevel(String s, char target) {
        return topLevel(s, target, 0);
    }

    /**
     * The index of the first {@code target} at or after {@code from} outside parentheses and braces
     * (counted from {@code from}, which must itself be at the top level), or -1.
     */
    static int topLevel(String s, char target, int from) {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '{') {
                depth++;
            } else if (c == ')' || c == '}') {
                depth--;
            } else if (c == target && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }

    /** An assignment line, or null; a colon before any operator makes the line a rule. */
    private static MakeStatement assignment(String text, Location loc) {
        boolean export = false;
        String s = text;
        while (true) {
            String w = firstWord(s);
            if ((w.equals("export") || w.equals("override") || w.equals("private")) && s.length() > w.length()) {
                export |= w.equals("export");
                s = s.substring(w.length()).strip();
            } else {
                break;
            }
        }
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length() && (s.charAt(i + 1) == '(' || s.charAt(i + 1) == '{')) {
                depth++;
                i++;
            } else if ((c == '(' || c == '{') && depth > 0) {
                depth++;
            } else if ((c == ')' || c == '}') && depth > 0) {
                depth--;
            } else if (depth == 0 && c == ':') {
                if (s.startsWith(":::=", i)) {
                    return new MakeStatement.Assign(loc, s.substring(0, i).strip(), Op.SIMPLE, s.substring(i + 4).strip(),
                            export);
                }
                if (s.startsWith("::=", i)) {
                    return new MakeStatement.Assign(loc, s.substring(0, i).strip(), Op.SIMPLE, s.substring(i + 3).strip(),
                            export);
                }
                if (s.startsWith(":=", i)) {
                    return new MakeStatement.Assign(loc, s.substring(0, i).strip(), Op.SIMPLE, s.substring(i + 2).strip(),
                            export);
                }
                return null; // a rule (or a target-specific variable)
            } else if (depth == 0 && c == '=') {
                Op op = Op.RECURSIVE;
                int nameEnd = i;
                if (i > 0) {
                    char p = s.charAt(i - 1);
                    if (p == '+') {
                        op = Op.APPEND;
                    } else if (p == '?') {
                        op = Op.CONDITIONAL;
                    } else if (p == '!') {
                        op = Op.SHELL;
                    }
                    if (op != Op.RECURSIVE) {
                        nameEnd = i - 1;
                    }
                }
                String name = s.substring(0, nameEnd).strip();
                if (name.isEmpty()) {
                    return null;
                }
                return new MakeStatement.Assign(loc, name, op, s.substring(i + 1).strip(), export);
            }
        }
        return null;
    }

    private static boolean isRule(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '{') {
                depth++;
            } else if (c == ')' || c == '}') {
                depth--;
            } else if (c == ':' && depth == 0) {
                return true;
            }
        }
        return false;
    }
}
