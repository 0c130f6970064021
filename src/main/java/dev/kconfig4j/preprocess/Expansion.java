package dev.kconfig4j.preprocess;

import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.diagnostic.Diagnostics;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One expansion of Kconfig text at one source location: the location is what
 * {@code $(filename)}, {@code $(lineno)}, warnings and errors report, even when the text comes
 * from a variable defined elsewhere.
 *
 * <p>How {@code $(name,args...)} is resolved (observed on the kernel's conf):
 * <ol>
 *   <li>the name and the arguments are expanded first, left to right, whatever follows;
 *   <li>with no arguments, a name that is a positive decimal number (C {@code strtol} syntax:
 *       {@code 1}, {@code 01}, {@code " 1"}, {@code +1}) no greater than the number of
 *       arguments of the function being expanded is that argument. {@code $(0)} is not the
 *       function name, and an out-of-range {@code $(3)} falls through to the next steps;
 *   <li>a user variable of that name; a simple ({@code :=}) one is returned as it is, even
 *       with arguments, a recursive one is expanded with the arguments as its {@code $(1)}...;
 *   <li>a built-in function of that name;
 *   <li>with no arguments, the environment (recorded for {@code auto.conf.cmd}); its value is
 *       not expanded;
 *   <li>otherwise the empty string, silently.
 * </ol>
 */
final class Expansion {
    /**
     * Bound on references nested inside one another (textually or through variables), so that
     * pathological input fails with a message instead of overflowing the Java stack. The kernel
     * itself has no such bound (it crashes somewhere beyond 10,000 levels); real Kconfig trees
     * nest a handful of levels.
     */
    static final int MAX_NESTING = 1500;
    /**
     * The kernel allows 1001 nested expansions of the same recursive variable (it refuses the
     * 1002nd with "Too deep recursive expansion"); only a function called with arguments gets
     * there, as a repeat without arguments is the "references itself" error.
     */
    static final int MAX_ACTIVE_EXPANSIONS = 1000;
    static final String TOO_DEEP = "Too deep recursive expansion";

    private static final List<String> NO_ARGS = List.of();

    private final Preprocessor preprocessor;
    private final String file;
    private final int line;
    private int nesting;

    Expansion(Preprocessor preprocessor, String file, int line) {
        this.preprocessor = preprocessor;
        this.file = file;
        this.line = line;
    }

    String file() {
        return file;
    }

    int line() {
        return line;
    }

    Shell shell() {
        return preprocessor.shell();
    }

    PrintStream stdout() {
        return preprocessor.stdout();
    }

    Diagnostics diagnostics() {
        return preprocessor.diagnostics();
    }

    /** Expands top-level text, outside any function call. */
    String expand(String text) {
        return expand(text, 0, text.length(), NO_ARGS);
    }

    /** Expands {@code text[from, to)}, in which {@code $(1)}, {@code $(2)}... are {@code args}. */
    private String expand(String text, int from, int to, List<String> args) {
        int dollar = text.indexOf("$(", from);
        if (dollar < 0 || dollar + 1 >= to) {
            return text.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from + 16);
        int done = from;
        while (dollar >= 0 && dollar + 1 < to) {
            int close = ReferenceSyntax.closingParen(text, dollar, to, file, line);
            out.append(text, done, dollar).append(evaluate(text, dollar + 2, close, args));
            done = close + 1;
            dollar = text.indexOf("$(", done);
        }
        return out.append(text, done, to).toString();
    }

    /**
     * Evaluates the inside of one {@code $( )}, {@code text[from, to)}, given the arguments of
     * the enclosing call.
     */
    private String evaluate(String text, int from, int to, List<String> args) {
        if (++nesting > MAX_NESTING) {
            throw new KconfigException(file, line, TOO_DEEP);
        }
        try {
            int[] bounds = ReferenceSyntax.split(text, from, to, file, line);
            String name = expand(text, bounds[0], bounds[1] - 1, args);
            List<String> callArgs = new ArrayList<>(bounds.length - 2);
            for (int i = 1; i + 1 < bounds.length; i++) {
                callArgs.add(expand(text, bounds[i], bounds[i + 1] - 1, args));
            }
            return resolve(name, callArgs, args);
        } finally {
            nesting--;
        }
    }

    private String resolve(String name, List<String> callArgs, List<String> enclosingArgs) {
        if (preprocessor.unknown(name)) {
            // A lookahead cannot tell what this calls, so neither which commands come next.
            throw new ProbeAhead.Lost();
        }
        if (callArgs.isEmpty()) {
            int index = parameterIndex(name);
            if (index > 0 && index <= enclosingArgs.size()) {
                return enclosingArgs.get(index - 1);
            }
        }
        Variable variable = preprocessor.variable(name);
        if (variable != null) {
            return expandVariable(variable, callArgs);
        }
        BuiltinFunction builtin = BuiltinFunction.named(name);
        if (builtin != null) {
            return builtin.invoke(callArgs, this);
        }
        if (callArgs.isEmpty()) {
            String value = preprocessor.environmentValue(name);
            return value == null ? "" : value;
        }
        return "";
    }

    private String expandVariable(Variable variable, List<String> callArgs) {
        if (variable.isSimple()) {
            return variable.value();
        }
        if (callArgs.isEmpty() && variable.activeExpansions() > 0) {
            throw new KconfigException(file, line,
                    "Recursive variable '" + variable.name() + "' references itself (eventually)");
        }
        if (variable.activeExpansions() > MAX_ACTIVE_EXPANSIONS) {
            throw new KconfigException(file, line, TOO_DEEP);
        }
        variable.enter();
        try {
            String body = variable.value();
            return expand(body, 0, body.length(), callArgs);
        } finally {
            variable.leave();
        }
    }

    /**
     * The parameter number {@code name} denotes, read the way C's {@code strtol(name, &end, 10)}
     * with a fully consumed string reads it; 0 when it is not such a number (or overflows, which
     * is out of range anyway).
     */
    static int parameterIndex(String name) {
        int i = 0;
        int n = name.length();
        while (i < n && isCSpace(name.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (name.charAt(i) == '+' || name.charAt(i) == '-')) {
            negative = name.charAt(i) == '-';
            i++;
        }
        int digitsStart = i;
        long value = 0;
        while (i < n && name.charAt(i) >= '0' && name.charAt(i) <= '9') {
            value = Math.min(value * 10 + (name.charAt(i) - '0'), Integer.MAX_VALUE);
            i++;
        }
        if (i == digitsStart || i != n || negative) {
            return 0;
        }
        return (int) value;
    }

    private static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }
}
