package dev.kconfig4j.preprocess;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of the few {@code $(shell,...)} commands that are made only of the shell's builtins
 * {@code set}, {@code test} and {@code echo} on literal words, which POSIX fixes for every shell:
 * answered without starting a process. They are what {@code scripts/Kconfig.include} derives
 * from the compiler's answers, one after the other ({@code cc-name := $(shell,set -- $(cc-info)
 * && echo $1)}, {@code $(success,test "$(cc-name)" = GCC)}): about fifteen processes in a row
 * at the start of every first load, which nothing can run ahead because each needs the last.
 *
 * <p>Only two forms are answered, and only on words that no shell expands or reads as an option
 * (letters, digits and {@code _ . , : + % @ / =}, not starting with {@code -}; in double quotes,
 * blanks too): {@code set -- WORDS && echo $N}, and {@code { test ARGS; } >/dev/null 2>&1 && echo
 * "Y" || echo "N"} (the kernel's {@code if-success}) where ARGS is one string, {@code -z} or
 * {@code -n} and a string, or two strings compared with {@code =} or {@code !=}. Anything else,
 * a file test, a number, a variable, a quote inside a word, is run by {@code /bin/sh} as always.
 */
final class PlainCommands {
    private static final String WORD = "[A-Za-z0-9_.,:+%@/=][A-Za-z0-9_.,:+%@/=-]*";
    private static final Pattern SET_ECHO = Pattern.compile("set --((?: +" + WORD + ")*) *&& echo \\$([1-9])");
    /** An argument of test: a word, an operator, or a double-quoted string of word characters and blanks. */
    private static final String ARG = "(?:" + WORD + "|-z|-n|!=|\"[A-Za-z0-9_.,:+%@/= -]*\")";
    private static final Pattern IF_SUCCESS = Pattern.compile("\\{ test((?: +" + ARG + ")+); \\} >/dev/null 2>&1 && echo ("
            + ARG + ") \\|\\| echo (" + ARG + ")");
    private static final Pattern ARGS = Pattern.compile(ARG);

    private PlainCommands() {
    }

    /** What {@code command} writes to standard output, or null when it is not one of the two forms. */
    static byte[] output(String command) {
        Matcher m = SET_ECHO.matcher(command);
        if (m.matches()) {
            String[] words = m.group(1).isBlank() ? new String[0] : m.group(1).trim().split(" +");
            int n = Integer.parseInt(m.group(2));
            return line(n <= words.length ? words[n - 1] : "");
        }
        m = IF_SUCCESS.matcher(command);
        if (m.matches()) {
            Boolean holds = test(arguments(m.group(1)));
            if (holds == null) {
                return null;
            }
            String then = unquote(m.group(2));
            String otherwise = unquote(m.group(3));
            if (then.startsWith("-") || otherwise.startsWith("-") || then.startsWith("!") || otherwise.startsWith("!")) {
                return null; // an echo option in some shells; a history expansion in others
            }
            return line(holds ? then : otherwise);
        }
        return null;
    }

    /** test's answer for these arguments, or null for what is left to the shell. */
    private static Boolean test(List<String> a) {
        return switch (a.size()) {
            case 1 -> !a.get(0).isEmpty();
            case 2 -> a.get(0).equals("-z") ? Boolean.valueOf(a.get(1).isEmpty())
                    : a.get(0).equals("-n") ? Boolean.valueOf(!a.get(1).isEmpty()) : null;
            case 3 -> a.get(1).equals("=") ? Boolean.valueOf(a.get(0).equals(a.get(2)))
                    : a.get(1).equals("!=") ? Boolean.valueOf(!a.get(0).equals(a.get(2))) : null;
            default -> null;
        };
    }

    private static List<String> arguments(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = ARGS.matcher(text);
        while (m.find()) {
            out.add(unquote(m.group()));
        }
        return out;
    }

    private static String unquote(String arg) {
        return arg.startsWith("\"") ? arg.substring(1, arg.length() - 1) : arg;
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
