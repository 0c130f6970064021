package dev.kconfig4j.preprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel's {@code if-success} probes, run without the shell around them. Most of a tree's
 * probes are {@code $(shell,{ COMMAND; } >/dev/null 2>&1 && echo "Y" || echo "N")}
 * ({@code scripts/Kconfig.include}: {@code success}, {@code cc-option}, {@code ld-option},
 * {@code as-instr}, {@code cc-option-bit}), whose output is Y or N by COMMAND's exit status alone.
 * Through {@code /bin/sh} each costs the shell's start, a fork, and for {@code cc-option} a
 * {@code mkdir} and an {@code rm -rf} process beside the compiler's: three or four processes for
 * one answer, which is most of a first load. Here the compiler is the only process.
 *
 * <p><b>The forms answered</b> (anything else goes to {@code /bin/sh} as always):
 * <ul>
 *   <li>COMMAND a simple command: words of the characters no shell expands ({@code A-Z a-z 0-9 _ .
 *       , : + % @ / = -}), or double-quoted text without {@code $ ` " \}, all printable ASCII. Its first word not a
 *       shell builtin, a reserved word or an assignment;
 *   <li>{@code trap "rm -rf .tmp_$$" EXIT; mkdir .tmp_$$; COMMAND} (6.1 on) or {@code mkdir
 *       .tmp_$$; trap "rm -rf .tmp_$$" EXIT; COMMAND} (5.10), {@code .tmp_$$} also inside COMMAND's
 *       words: a fresh directory is made, named in COMMAND, and removed with what is in it;
 *   <li>{@code echo 'TEXT' | COMMAND} and {@code printf "%b\n" "TEXT" | COMMAND} with TEXT without
 *       a backslash (no escape to interpret) or quote: COMMAND reads TEXT and a newline.
 * </ul>
 * Y and N are plain or double-quoted words without a backslash and not an echo option.
 *
 * <p><b>Why the answer cannot change.</b> COMMAND gets what the shell would give it: the same
 * words, the same directory, standard input a pipe (at its end, or holding TEXT), output
 * discarded, and the environment the shell exports. That environment is known for {@code dash}
 * (Debian's and Ubuntu's {@code /bin/sh}): its own with {@code PWD} set to the directory (kept
 * when it already names it); so these probes run without the shell only where {@code /bin/sh} is
 * dash, and only when the environment holds none of the variables dash sets itself ({@code IFS},
 * {@code OPTIND}, {@code PPID}); like dash, it passes on no name that is not a variable name
 * (bash's exported functions, {@code BASH_FUNC_f%%}, among them). A command name without {@code /}
 * is looked up in {@code PATH} exactly as the shell does, by the JVM, and only when {@code PATH}
 * is the JVM's own; a command that cannot start goes to the shell, which reports it as always.
 * The temporary directory's name differs from the shell's ({@code $$}, the shell's process id,
 * differs at every run anyway).
 */
final class SuccessProbes {
    /** A probe to run: argv (with {@link #TEMP} standing for the temporary directory), input, the two answers. */
    record Probe(List<String> argv, byte[] input, boolean tempDirectory, byte[] success, byte[] failure) {
        /** argv with the temporary directory's name in place of {@link #TEMP}. */
        List<String> argv(String tempName) {
            List<String> out = new ArrayList<>(argv.size());
            for (String a : argv) {
                out.add(a.replace(TEMP, tempName));
            }
            return out;
        }
    }

    /** Stands for {@code .tmp_$$} in a parsed word. */
    static final String TEMP = "\u0001";

    private static final String PLAIN = "A-Za-z0-9_.,:+%@/=\\-";
    /** echo's argument: a plain word or double-quoted text, no backslash. */
    private static final String ECHO_ARG = "(?:[" + PLAIN + "]+|\"[^\"$`\\\\]*\")";
    private static final Pattern IF_SUCCESS = Pattern.compile(
            "\\{ (.*); \\} >/dev/null 2>&1 && echo (" + ECHO_ARG + ") \\|\\| echo (" + ECHO_ARG + ")", Pattern.DOTALL);
    private static final String TRAP = "trap \"rm -rf .tmp_$$\" EXIT";
    private static final String MKDIR = "mkdir .tmp_$$";
    private static final Pattern ECHO_PIPE = Pattern.compile("echo '([^'\\\\]*)' \\| (.*)", Pattern.DOTALL);
    private static final Pattern PRINTF_PIPE = Pattern.compile("printf \"%b\\\\n\" \"([^\"$`\\\\]*)\" \\| (.*)", Pattern.DOTALL);
    private static final Pattern ECHO_OPTION = Pattern.compile("-[neE]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** dash's builtins and the shell's reserved words: a first word the shell would not exec. */
    private static final Set<String> NOT_EXECUTED = Set.of(".", ":", "[", "alias", "bg", "break", "cd", "chdir",
            "command", "continue", "echo", "eval", "exec", "exit", "export", "false", "fc", "fg", "getopts", "hash",
            "jobs", "kill", "local", "printf", "pwd", "read", "readonly", "return", "set", "shift", "test", "times",
            "trap", "true", "type", "ulimit", "umask", "unalias", "unset", "wait", "!", "{", "}", "if", "then", "else",
            "elif", "fi", "do", "done", "case", "esac", "while", "until", "for", "in", "source", "builtin", "let",
            "declare", "typeset", "enable", "help", "shopt", "time");

    private SuccessProbes() {
    }

    /** The probe {@code command} is, or null when it is not one of the forms (or is one of the builtin-only ones). */
    static Probe parse(String command) {
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c < ' ' && c != '\t' || c > '~') {
                return null; // control characters (TEMP among them) and what the locale may not encode
            }
        }
        Matcher m = IF_SUCCESS.matcher(command);
        if (!m.matches()) {
            return null;
        }
        byte[] success = echoed(m.group(2));
        byte[] failure = echoed(m.group(3));
        if (success == null || failure == null) {
            return null;
        }
        String body = m.group(1);
        boolean temp = false;
        if (body.startsWith(TRAP + "; " + MKDIR + "; ") || body.startsWith(MKDIR + "; " + TRAP + "; ")) {
            temp = true;
            body = body.substring(TRAP.length() + MKDIR.length() + 4).replace(".tmp_$$", TEMP);
        }
        byte[] input = null;
        Matcher pipe = ECHO_PIPE.matcher(body);
        if (!pipe.matches()) {
            pipe = PRINTF_PIPE.matcher(body);
        }
        if (pipe.matches()) {
            if (ECHO_OPTION.matcher(pipe.group(1)).matches() || pipe.group(1).contains(TEMP)) {
                return null; // an echo option; .tmp_$$ in the text (literal in single quotes)
            }
            input = (pipe.group(1) + "\n").getBytes(StandardCharsets.ISO_8859_1);
            body = pipe.group(2);
        }
        List<String> argv = words(body, temp);
        if (argv == null || argv.isEmpty()) {
            return null;
        }
        String name = argv.get(0);
        if (name.isEmpty() || name.contains("=") || name.contains(TEMP) || NOT_EXECUTED.contains(name)) {
            return null;
        }
        return new Probe(List.copyOf(argv), input, temp, success, failure);
    }

    private static byte[] echoed(String arg) {
        String text = arg.startsWith("\"") ? arg.substring(1, arg.length() - 1) : arg;
        if (ECHO_OPTION.matcher(text).matches()) {
            return null;
        }
        return (text + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The words of a simple command of plain and double-quoted text, or null for anything else. */
    private static List<String> words(String text, boolean temp) {
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                if (word != null) {
                    out.add(word.toString());
                    word = null;
                }
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    return null;
                }
                String quoted = text.substring(i + 1, end);
                for (int j = 0; j < quoted.length(); j++) {
                    char q = quoted.charAt(j);
                    if (q == '$' || q == '`' || q == '\\' || (q == TEMP.charAt(0) && !temp)) {
                        return null;
                    }
                }
                word = word == null ? new StringBuilder() : word;
                word.append(quoted);
                i = end;
            } else if (plain(c) || (temp && c == TEMP.charAt(0))) {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            } else {
                return null;
            }
        }
        if (word != null) {
            out.add(word.toString());
        }
        return out;
    }

    private static boolean plain(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_.,:+%@/=-".indexOf(c) >= 0;
    }

    /**
     * The environment {@code /bin/sh} would give the probe, or null when that is not known here:
     * {@code /bin/sh} is not dash, or the environment holds what dash would change.
     */
    static Map<String, String> shellEnvironment(Map<String, String> environment, Path directory) {
        if (!ShellKind.DASH) {
            return null;
        }
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            String name = e.getKey();
            if (name.equals("IFS") || name.equals("OPTIND") || name.equals("PPID")) {
                return null;
            }
            if (NAME.matcher(name).matches()) { // dash exports no other name (BASH_FUNC_f%%, A-B...)
                out.put(name, e.getValue());
            }
        }
        try {
            String pwd = environment.get("PWD");
            if (pwd == null || !pwd.startsWith("/") || !Files.isSameFile(Path.of(pwd), directory)) {
                out.put("PWD", directory.toRealPath().toString());
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return out;
    }

    /** Whether a command name without a slash can be left to the JVM's lookup: PATH is the JVM's own. */
    static boolean lookupAsTheShell(String name, Map<String, String> environment) {
        if (name.contains("/")) {
            return true;
        }
        String path = environment.get("PATH");
        return path != null && path.equals(System.getenv("PATH")) && !path.contains("%");
    }

    /** What {@code /bin/sh} is, looked at once. */
    private static final class ShellKind {
        static final boolean DASH = isDash();

        private static boolean isDash() {
            try {
                return Path.of("/bin/sh").toRealPath().getFileName().toString().equals("dash");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
    }
}
