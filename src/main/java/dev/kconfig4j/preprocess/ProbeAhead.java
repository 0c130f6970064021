package dev.kconfig4j.preprocess;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs the {@code $(shell,...)} probes of one parse concurrently, ahead of their turn, without
 * changing any result. A tree's ~110 compiler probes are independent processes, and running them
 * one after the other is most of a first load; the parse itself cannot go on without each answer.
 *
 * <p><b>How.</b> At the first probe that must really run (not answered by the probe cache), a
 * <em>lookahead</em> starts on its own thread: a second reading of the same tree, in the same
 * order, with its own variables ({@link Preprocessor#lookahead}), which expands every line but
 * runs nothing. Each {@code $(shell,...)} it meets has a number (the how-many-th shell call of
 * the parse) and a command text; a command whose text is fully known is handed to a pool of
 * {@code jobs} threads that answer it exactly as the parse would (probe cache first, else run and
 * store), and the lookahead goes on with an <em>unknown</em> result ({@link #UNKNOWN}). Text that
 * contains an unknown result is itself unknown: such a command is left for the parse. Except in an
 * immediate assignment ({@code cc-info := $(shell,...)}, {@code m64-flag := $(cc-option-bit,...)}):
 * there the lookahead waits for the answer, whoever computes it, because such values go into the
 * commands that follow ({@code cc-name := $(shell,set -- $(cc-info) && echo $1)}), which could
 * not start ahead otherwise. Commands of the shell's builtins on literal words
 * ({@link PlainCommands}) the lookahead answers itself.
 *
 * <p><b>Why results cannot change.</b> The parse takes an answer computed ahead only for the same
 * number <em>and</em> the same command text, run in the same environment and directory: the
 * answer of the command it would have run itself. Output is never written ahead: a command's
 * stderr is captured and written by the parse at the command's turn, so every byte comes out in
 * the sequential order. The lookahead gives up (and the parse runs the rest itself) where it
 * could lose count: an unknown variable or function name, an assignment to an unknown name, a
 * {@code source} of an unknown file, a command text that differs from the parse's. So a command
 * runs ahead only if the parse runs it too (a parse that stops with an error may have had later
 * probes started). What concurrency can change is only a command's effect on another command:
 * the kernel's probes write nothing but their own {@code .tmp_$$} directories; a command that
 * redirects output to a file other than {@code /dev/null} is never run ahead, and
 * {@code KCONFIG4J_PROBE_JOBS=1} runs every command in turn, as before.
 */
final class ProbeAhead {
    /**
     * Stands for a result the lookahead does not know. A Unicode noncharacter: Kconfig text is
     * read as ISO-8859-1 and never contains it; an environment that does turns the lookahead off.
     */
    static final char UNKNOWN = '\uFDD0';
    static final String UNKNOWN_TEXT = String.valueOf(UNKNOWN);

    /** Thrown inside the lookahead to end it: it can no longer tell which command comes when. */
    static final class Lost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Lost() {
            super(null, null, false, false);
        }
    }

    /** One shell call of the parse, by number: its command and its answer once known. */
    private static final class Slot {
        final String command;
        /** Whoever sets it computes the answer: a pool thread or the parse itself. */
        final AtomicBoolean claimed = new AtomicBoolean();
        final CompletableFuture<Shell.Answer> answer = new CompletableFuture<>();

        Slot(String command) {
            this.command = command;
        }
    }

    private final int jobs;
    private final Consumer<Preprocessor> walk;
    private final Preprocessor owner;
    private final Map<Integer, Slot> slots = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    private boolean started;
    private ExecutorService pool;
    private Shell shell;

    /**
     * @param owner the parse's preprocessor
     * @param jobs how many commands may run at once (at least 2, else there is no lookahead)
     * @param walk reads the tree with the preprocessor it is given (see {@link Preprocessor#runProbesAhead})
     */
    ProbeAhead(Preprocessor owner, int jobs, Consumer<Preprocessor> walk) {
        this.owner = owner;
        this.jobs = jobs;
        this.walk = walk;
    }

    /** The jobs {@code KCONFIG4J_PROBE_JOBS} asks for, else one per processor. */
    static int jobs(Map<String, String> environment) {
        String given = environment.get("KCONFIG4J_PROBE_JOBS");
        if (given != null) {
            try {
                return Math.max(1, Math.min(64, Integer.parseInt(given.trim())));
            } catch (NumberFormatException e) {
                // Ignored like any malformed tuning variable: the default applies.
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** Starts the lookahead (once): the parse's first probe that must run has come. */
    synchronized void start(Shell parseShell) {
        if (started || stopped) {
            return;
        }
        started = true;
        shell = parseShell;
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "kconfig4j-probe-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Preprocessor twin = owner.lookahead(this);
        // The lookahead expands what the parse expands: the same deep stack as the main thread.
        Thread reader = new Thread(null, () -> {
            try {
                walk.accept(twin);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // Lost, or an error the parse will report itself at its turn.
            }
        }, "kconfig4j-lookahead", 64L << 20);
        reader.setDaemon(true);
        reader.start();
    }

    /** Ends the lookahead: the parse is over. Commands already running finish on their own. */
    synchronized void stop() {
        stopped = true;
        if (pool != null) {
            pool.shutdown();
        }
    }

    /**
     * For the parse: the answer to its shell call number {@code index}, computed ahead (waiting for
     * it if it is running), or null if the parse must compute it and then call {@link #done}.
     */
    Shell.Answer take(int index, String command) {
        Slot slot = slots.computeIfAbsent(index, i -> new Slot(command));
        if (!slot.command.equals(command)) {
            // The lookahead counted otherwise: nothing it does from here on can be matched.
            stop();
            return null;
        }
        if (slot.claimed.compareAndSet(false, true)) {
            return null;
        }
        return slot.answer.join();
    }

    /** For the parse: the answer it computed itself for call {@code index}. */
    void done(int index, String command, Shell.Answer answer) {
        Slot slot = slots.get(index);
        if (slot != null && slot.command.equals(command)) {
            slot.answer.complete(answer);
        }
    }

    /**
     * For the lookahead: its shell call number {@code index}. Hands a known command to the pool
     * and returns its output if the parse already has it, else {@link #UNKNOWN_TEXT}; with
     * {@code wait} (an immediate assignment's value), waits for the answer first, whoever computes
     * it (the pool, or the parse at its turn).
     *
     * @throws Lost when the lookahead is over
     */
    String ahead(int index, String command, java.nio.charset.Charset charset, boolean wait) {
        if (stopped) {
            throw new Lost();
        }
        if (command.indexOf(UNKNOWN) >= 0) {
            return UNKNOWN_TEXT;
        }
        byte[] plain = PlainCommands.output(command);
        if (plain != null) {
            return Shell.text(plain, charset); // the parse answers it as fast at its turn
        }
        Slot slot = slots.computeIfAbsent(index, i -> new Slot(command));
        if (!slot.command.equals(command)) {
            stop();
            throw new Lost();
        }
        Shell.Answer known = slot.answer.getNow(null);
        if (known == null && !slot.claimed.get() && writesNoFile(command)) {
            try {
                pool.execute(() -> {
                    if (!stopped && slot.claimed.compareAndSet(false, true)) {
                        slot.answer.complete(shell.compute(command, false, null));
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException over) {
                throw new Lost();
            }
        }
        if (known == null && wait) {
            known = await(slot);
        }
        if (known != null) {
            return known.failure() != null ? UNKNOWN_TEXT : Shell.text(known.stdout().clone(), charset);
        }
        return UNKNOWN_TEXT;
    }

    /** The answer of {@code slot} once someone computed it; {@link Lost} when the lookahead ends first. */
    private Shell.Answer await(Slot slot) {
        while (true) {
            if (stopped) {
                throw new Lost();
            }
            try {
                return slot.answer.get(20, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException notYet) {
                // Look again whether the lookahead is over (the parse ended, or counted otherwise).
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Lost();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new Lost();
            }
        }
    }

    /**
     * Whether every output redirection of {@code command} goes to {@code /dev/null} or to another
     * descriptor ({@code 2>&1}): a command appending to a log must keep its turn. Quotes are
     * respected; anything else a command writes through a program's own options (such as the
     * kernel probes' {@code -o .tmp_$$/tmp.o}) is beyond a textual check (see the class comment).
     */
    static boolean writesNoFile(String command) {
        char quote = 0;
        int n = command.length();
        for (int i = 0; i < n; i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    i++;
                }
                continue;
            }
            if (c == '\\') {
                i++;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '>') {
                int j = i + 1;
                if (j < n && (command.charAt(j) == '>' || command.charAt(j) == '|')) {
                    j++;
                }
                if (j < n && command.charAt(j) == '&') {
                    j++;
                    if (j < n && (Character.isDigit(command.charAt(j)) || command.charAt(j) == '-')) {
                        i = j;
                        continue;
                    }
                    return false;
                }
                while (j < n && (command.charAt(j) == ' ' || command.charAt(j) == '\t')) {
                    j++;
                }
                if (!command.startsWith("/dev/null", j) || (j + 9 < n && "; |&)\t\n".indexOf(command.charAt(j + 9)) < 0)) {
                    return false;
                }
                i = j + 8;
            }
        }
        return true;
    }
}
