package dev.kconfig4j.cli;

import dev.kconfig4j.conf.Mode;
import dev.kconfig4j.conf.ReadAheadInput;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code kconfig4j} executable. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        fastProcessLaunch();
        // First, before anything is parsed: a program writing answers into a pipe must not be
        // left blocked on it while the tree loads (see ReadAheadInput).
        // A regular file is read a byte at a time instead: a program reading the same descriptor
        // after conf finds it where the kernel's conf leaves it, after the last line used.
        InputStream in = !asksQuestions(args) ? System.in
                : standardInputIsPipe() ? ReadAheadInput.start(System.in)
                : standardInputIsFile() ? new java.io.FileInputStream(FileDescriptor.in) : System.in;
        if (command(args).equals("conf")) {
            // conf writes the tree's bytes as they are (prompts in UTF-8 included), whatever the
            // locale: Kconfig text is read as ISO-8859-1, so that charset writes every byte back.
            System.setOut(bytesOut(FileDescriptor.out));
            System.setErr(bytesOut(FileDescriptor.err));
        }
        Cli.Context process = Cli.Context.ofProcess();
        Cli.Context context = new Cli.Context(process.environment(), process.workingDirectory(), process.out(),
                process.err(), process.treeLoader(), in);
        int status = Cli.execute(context, args);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /**
     * Starts child processes (the ~110 compiler probes of a first load) with vfork and exec, as
     * the kernel's conf does through popen, rather than the JDK's default, which first starts a
     * helper program (jspawnhelper) that then starts the command: one exec less per probe, ~0.4 s
     * less system CPU in a first olddefconfig of Linux 6.12 (bench/RESULTS.md). Read once by the
     * JDK when the first process starts, so set before anything runs. Linux only (elsewhere the
     * mechanism does not exist), and before JDK 25, which deprecates it with a warning on stderr;
     * an explicit -Djdk.lang.Process.launchMechanism wins.
     */
    static void fastProcessLaunch() {
        if (Runtime.version().feature() < 25 && "Linux".equals(System.getProperty("os.name"))
                && System.getProperty("jdk.lang.Process.launchMechanism") == null) {
            System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
        }
    }

    /**
     * Whether the command line is a {@code conf} run whose mode reads answers from standard
     * input (oldaskconfig, the default, oldconfig, syncconfig). Other commands and modes leave
     * standard input unread, as the kernel's conf does.
     */
    static boolean asksQuestions(String[] args) {
        if (!command(args).equals("conf")) {
            return false;
        }
        Mode mode = Mode.OLDASKCONFIG;
        for (String a : ConfCommand.readLikeGetopt(args)) {
            if (a.equals("--")) {
                break;
            }
            for (Mode m : Mode.values()) {
                if (a.equals("--" + m.option()) || a.startsWith("--" + m.option() + "=")) {
                    mode = m;
                }
            }
        }
        return mode == Mode.OLDASKCONFIG || mode == Mode.OLDCONFIG || mode == Mode.SYNCCONFIG;
    }

    /** The subcommand: the first argument that is not an option ("" when there is none). */
    private static String command(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return "";
    }

    /** A stream writing each char as its one byte, flushed like System.out. */
    private static PrintStream bytesOut(FileDescriptor fd) {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd), 8192), true, StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether standard input is a pipe or a socket (a writer can block on it). A terminal is read
     * only when a question is asked, so typed-ahead input is not taken from the shell; a file
     * never blocks anyone.
     */
    private static boolean standardInputIsFile() {
        try {
            return Files.isRegularFile(Path.of("/proc/self/fd/0"));
        } catch (SecurityException e) {
            return false;
        }
    }

    private static boolean standardInputIsPipe() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("pipe:") || target.startsWith("socket:");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
