package dev.kconfig4j.cli;

import dev.kconfig4j.conf.Mode;
import dev.kconfig4j.conf.ReadAheadInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code kconfig4j} executable. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // First, before anything is parsed: a program writing answers into a pipe must not be
        // left blocked on it while the tree loads (see ReadAheadInput).
        InputStream in = asksQuestions(args) && standardInputIsPipe() ? ReadAheadInput.start(System.in) : System.in;
        Cli.Context process = Cli.Context.ofProcess();
        Cli.Context context = new Cli.Context(process.environment(), process.workingDirectory(), process.out(),
                process.err(), process.treeLoader(), in);
        int status = Cli.execute(context, args);
        System.out.flush();
        System.exit(status);
    }

    /**
     * Whether the command line is a {@code conf} run whose mode reads answers from standard
     * input (oldaskconfig, the default, oldconfig, syncconfig). Other commands and modes leave
     * standard input unread, as the kernel's conf does.
     */
    static boolean asksQuestions(String[] args) {
        int i = 0;
        while (i < args.length && args[i].startsWith("-")) {
            i++;
        }
        if (i == args.length || !args[i].equals("conf")) {
            return false;
        }
        Mode mode = Mode.OLDASKCONFIG;
        for (int j = i + 1; j < args.length; j++) {
            String a = args[j];
            if (a.startsWith("--")) {
                String name = a.substring(2).split("=", 2)[0];
                for (Mode m : Mode.values()) {
                    if (m.option().equals(name)) {
                        mode = m;
                    }
                }
            }
        }
        return mode == Mode.OLDASKCONFIG || mode == Mode.OLDCONFIG || mode == Mode.SYNCCONFIG;
    }

    /**
     * Whether standard input is a pipe or a socket (a writer can block on it). A terminal is read
     * only when a question is asked, so typed-ahead input is not taken from the shell; a file
     * never blocks anyone.
     */
    private static boolean standardInputIsPipe() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("pipe:") || target.startsWith("socket:");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
