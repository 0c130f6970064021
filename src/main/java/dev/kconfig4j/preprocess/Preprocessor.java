package dev.kconfig4j.preprocess;

import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.diagnostic.Diagnostics;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Kconfig macro language (Documentation/kbuild/kconfig-macro-language.rst), as the kernel's
 * {@code conf} implements it. One instance holds the variables of one parse of a Kconfig tree.
 *
 * <p>Text is expanded wherever it contains {@code $(}; nothing else is special: {@code $$},
 * {@code $X} and a lone {@code $} stay as they are (Kconfig.include relies on
 * {@code dollar := $}, and passes {@code $$} through to the shell as its PID). A {@code )}
 * without an opening {@code $(} is plain text too.
 *
 * <p>Not thread-safe; a parse is sequential.
 */
public final class Preprocessor {
    /** The three assignment operators. */
    public enum Flavor {
        /** {@code =}: the value is stored as written and expanded at every use. */
        RECURSIVE,
        /** {@code :=}: the value is expanded once, at the assignment. */
        SIMPLE,
        /**
         * {@code +=}: appends a space and the value to an existing variable, expanding the value
         * now if that variable is simple; on an undefined variable it defines a recursive one
         * (the environment is not consulted).
         */
        APPEND
    }

    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Charset charset;
    private final ShellPolicy policy;
    /** This is the lookahead of another parse (see {@link ProbeAhead}): it runs nothing. */
    private final boolean lookahead;
    private ProbeAhead ahead;
    private final PrintStream stdout;
    private final Diagnostics diagnostics;
    private final Shell shell;
    private final Map<String, Variable> variables = new HashMap<>();
    private final Map<String, String> usedEnvironment = new LinkedHashMap<>();
    private final java.util.List<ProbeRun> probeRuns = new java.util.ArrayList<>();

    /** A {@code $(shell,...)} answered by running it or from the probe cache, and its output. */
    public record ProbeRun(String command, byte[] stdout, byte[] stderr) {
    }

    /**
     * @param environment the process environment the kernel's conf would see: {@code $(NAME)}
     *     that is no Kconfig variable is looked up here, and it is the whole environment of
     *     {@code $(shell,...)} commands
     * @param workingDirectory where {@code $(shell,...)} runs (the object directory)
     * @param stdout where {@code $(info,...)} prints
     * @param stderr where {@code $(warning-if,...)} and the shell commands' stderr go
     */
    public Preprocessor(Map<String, String> environment, Path workingDirectory, PrintStream stdout,
            PrintStream stderr) {
        this(environment, workingDirectory, stdout, stderr, StandardCharsets.UTF_8);
    }

    /**
     * As {@link #Preprocessor(Map, Path, PrintStream, PrintStream)}, decoding shell output with
     * {@code charset} (UTF-8 by default; ISO-8859-1 keeps arbitrary bytes as they are).
     */
    public Preprocessor(Map<String, String> environment, Path workingDirectory, PrintStream stdout,
            PrintStream stderr, Charset charset) {
        this(environment, workingDirectory, stdout, stderr, charset, ProbeCache.disabled());
    }

    /**
     * As {@link #Preprocessor(Map, Path, PrintStream, PrintStream)}, answering
     * {@code $(shell,...)} from {@code cache} where it can (see {@link ProbeCache}); the other
     * constructors use {@link ProbeCache#disabled()}.
     */
    public Preprocessor(Map<String, String> environment, Path workingDirectory, PrintStream stdout,
            PrintStream stderr, ProbeCache cache) {
        this(environment, workingDirectory, stdout, stderr, StandardCharsets.UTF_8, cache);
    }

    /** As {@link #Preprocessor(Map, Path, PrintStream, PrintStream, Charset)} with a probe cache. */
    public Preprocessor(Map<String, String> environment, Path workingDirectory, PrintStream stdout,
            PrintStream stderr, Charset charset, ProbeCache cache) {
        this(environment, workingDirectory, stdout, stderr, charset, cache, ShellPolicy.allow());
    }

    /** With a probe cache and a {@link ShellPolicy} deciding whether {@code $(shell,...)} may run. */
    public Preprocessor(Map<String, String> environment, Path workingDirectory, PrintStream stdout,
            PrintStream stderr, Charset charset, ProbeCache cache, ShellPolicy policy) {
        this(environment, workingDirectory, stdout, stderr, charset, cache, policy, Diagnostics.printingTo(stderr));
    }

    /**
     * As {@link #Preprocessor(Map, Path, PrintStream, PrintStream, Charset, ProbeCache, ShellPolicy)},
     * reporting {@code $(warning-if,...)} and the shell policy's warnings to {@code diagnostics}
     * ({@code stderr} then receives only the commands' own stderr).
     */
    public Preprocessor(Map<String, String> environment, Path workingDirectory, PrintStream stdout,
            PrintStream stderr, Charset charset, ProbeCache cache, ShellPolicy policy, Diagnostics diagnostics) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.charset = charset;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.lookahead = false;
        this.stdout = Objects.requireNonNull(stdout, "stdout");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.shell = new Shell(this.environment, workingDirectory, stdout, stderr, charset,
                Objects.requireNonNull(cache, "cache"), policy, diagnostics);
        this.shell.onProbe(this::ranProbe);
    }

    /** The lookahead twin of {@code parse}: same environment, own variables, silent, runs nothing. */
    private Preprocessor(Preprocessor parse, ProbeAhead ahead) {
        this.environment = parse.environment;
        this.workingDirectory = parse.workingDirectory;
        this.charset = parse.charset;
        this.policy = ShellPolicy.allow();
        this.lookahead = true;
        this.ahead = ahead;
        this.stdout = new PrintStream(java.io.OutputStream.nullOutputStream());
        // Silent: what the lookahead finds is found again, and reported, by the parse.
        this.diagnostics = new Diagnostics();
        this.shell = new Shell(environment, workingDirectory, stdout, stdout, charset, ProbeCache.disabled(),
                policy, diagnostics, ahead, true);
    }

    /**
     * Lets this parse run its {@code $(shell,...)} probes concurrently, ahead of their turn, with
     * the same results (see {@link ProbeAhead} for how and why nothing changes). At the first
     * probe that must really run, {@code walk} is called on another thread with a lookahead
     * preprocessor: it must read the same tree the way the parse does (every line, in the parse's
     * order, help text unexpanded) and may stop at any exception. Nothing happens when commands
     * do not simply run ({@link ShellPolicy} other than allow), with {@code KCONFIG4J_PROBE_JOBS=1}
     * or on one processor. Call {@link #endProbesAhead} when the parse is over.
     */
    public void runProbesAhead(java.util.function.Consumer<Preprocessor> walk) {
        int jobs = ProbeAhead.jobs(environment);
        if (lookahead || policy.mode() != ShellPolicy.Mode.ALLOW || jobs < 2 || environment.entrySet().stream()
                .anyMatch(e -> (e.getKey() + e.getValue()).indexOf(ProbeAhead.UNKNOWN) >= 0)) {
            return;
        }
        ahead = new ProbeAhead(this, jobs, walk);
        shell.runAhead(ahead);
    }

    /** Ends what {@link #runProbesAhead} started; commands already running finish on their own. */
    public void endProbesAhead() {
        if (ahead != null && !lookahead) {
            ahead.stop();
            shell.runAhead(null);
            ahead = null;
        }
    }

    /** The lookahead twin of this preprocessor (for {@link ProbeAhead}). */
    Preprocessor lookahead(ProbeAhead with) {
        return new Preprocessor(this, with);
    }

    /** Whether this is a lookahead, whose unknown results are {@link ProbeAhead#UNKNOWN}. */
    boolean isLookahead() {
        return lookahead;
    }

    /**
     * For a lookahead: whether {@code text} (a source file name, say) contains an unknown result;
     * false for a real parse.
     */
    public boolean unknown(String text) {
        return lookahead && text.indexOf(ProbeAhead.UNKNOWN) >= 0;
    }

    /**
     * Expands every {@code $(...)} reference in {@code text} (a whole token or a string body)
     * found at {@code file:line}; that location is what {@code $(filename)}, {@code $(lineno)},
     * {@code $(warning-if,...)} and errors report.
     *
     * @throws KconfigException for an unterminated reference, a wrong number of arguments to a
     *     built-in, a recursive variable referencing itself, too deep recursion or a true
     *     {@code $(error-if,...)}, always with this location and the kernel's wording
     */
    public String expand(String text, String file, int line) {
        Expansion expansion = new Expansion(this, file, line);
        try {
            return expansion.expand(text);
        } catch (StackOverflowError e) {
            // Safety net below Expansion.MAX_NESTING for threads with a small stack; the
            // finally blocks on the way up have restored every variable's state.
            throw new KconfigException(file, line, Expansion.TOO_DEEP);
        }
    }

    /**
     * Handles the assignment line {@code NAME = value}, {@code NAME := value} or
     * {@code NAME += value} found at {@code file:line}.
     *
     * @param nameText the text left of the operator; it may contain references
     *     ({@code $(arch)-flags := ...}) and is expanded first. The expanded name is used as it
     *     is, blanks included, as the kernel does.
     * @param valueText the raw text after the operator, leading blanks stripped (trailing ones
     *     are part of the value in the kernel)
     */
    public void assign(String nameText, Flavor flavor, String valueText, String file, int line) {
        String name = expand(nameText, file, line);
        if (unknown(name)) {
            throw new ProbeAhead.Lost();
        }
        if (name.isEmpty()) {
            // The kernel's parser sees no name token here and reports this; we can't do better.
            throw new KconfigException(file, line, "syntax error");
        }
        Variable existing = variables.get(name);
        switch (flavor) {
            case RECURSIVE -> define(existing, name, Flavor.RECURSIVE, valueText);
            case SIMPLE -> {
                if (existing != null) {
                    // The kernel frees the old value before expanding the new one, so a
                    // self-reference in `x := ...$(x)...` reads freed memory: empty for short
                    // values, garbage for long ones. Empty is the only reproducible choice.
                    existing.define(Flavor.SIMPLE, "");
                }
                define(existing, name, Flavor.SIMPLE, expandNow(valueText, file, line));
            }
            case APPEND -> {
                if (existing == null) {
                    define(null, name, Flavor.RECURSIVE, valueText);
                } else {
                    existing.append(existing.isSimple() ? expandNow(valueText, file, line) : valueText);
                }
            }
        }
    }

    /**
     * The value of an immediate assignment ({@code :=}, or {@code +=} to one). A lookahead waits
     * here for the answers of the commands it expands: such a value ({@code cc-info},
     * {@code m64-flag}) goes into later commands, which it could not start ahead otherwise.
     */
    private String expandNow(String valueText, String file, int line) {
        if (!lookahead) {
            return expand(valueText, file, line);
        }
        shell.waitForAnswers(true);
        try {
            return expand(valueText, file, line);
        } finally {
            shell.waitForAnswers(false);
        }
    }

    private void define(Variable existing, String name, Flavor flavor, String value) {
        if (existing == null) {
            variables.put(name, new Variable(name, flavor, value));
        } else {
            existing.define(flavor, value);
        }
    }

    /**
     * The environment variables that expansion read and found set, name to value, in the order
     * of first use; conf lists exactly these in {@code include/config/auto.conf.cmd} so that
     * {@code make} re-runs it when one changes. Unset variables are not recorded (the kernel
     * does not list them), so no value is null. A live, unmodifiable view.
     */
    public Map<String, String> usedEnvironment() {
        return Collections.unmodifiableMap(usedEnvironment);
    }

    /**
     * The index just past the {@code )} that closes the reference starting with {@code $(} at
     * {@code dollarIndex} in {@code text}: for a lexer, which must keep a reference whole even
     * when it contains blanks or quotes ({@code "$(shell,echo "a b")"} is one string).
     *
     * @throws KconfigException if the reference is not closed (the kernel's wording)
     */
    public static int referenceEnd(String text, int dollarIndex, String file, int line) {
        if (!ReferenceSyntax.startsReference(text, dollarIndex)) {
            throw new IllegalArgumentException("no $( at index " + dollarIndex + " of " + text);
        }
        return ReferenceSyntax.closingParen(text, dollarIndex, text.length(), file, line) + 1;
    }

    /**
     * The {@code $(shell,...)} commands that ran or were answered from the probe cache, in order,
     * with their captured output (only while a probe cache is enabled: it captures them).
     */
    public java.util.List<ProbeRun> probeRuns() {
        return Collections.unmodifiableList(probeRuns);
    }

    void ranProbe(String command, byte[] stdout, byte[] stderr) {
        probeRuns.add(new ProbeRun(command, stdout, stderr));
    }

    Variable variable(String name) {
        return variables.get(name);
    }

    /** Looks {@code name} up in the environment, recording it if set. */
    String environmentValue(String name) {
        String value = environment.get(name);
        if (value != null) {
            usedEnvironment.putIfAbsent(name, value);
        }
        return value;
    }

    Shell shell() {
        return shell;
    }

    PrintStream stdout() {
        return stdout;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }
}
