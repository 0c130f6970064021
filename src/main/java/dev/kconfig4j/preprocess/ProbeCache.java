package dev.kconfig4j.preprocess;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import dev.kconfig4j.cache.CacheRoot;
import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.cache.ContentCheck;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A persistent cache of {@code $(shell,...)} results, so that compiler probes
 * ({@code $(cc-option,...)}, {@code scripts/cc-version.sh $(CC)}, ...) run once rather than at
 * every load of a tree. The command-line tools use it by default ({@link #forEnvironment}:
 * {@code KCONFIG4J_PROBE_CACHE=off} turns it off); a library caller passes one to
 * {@link Preprocessor#Preprocessor(Map, Path, java.io.PrintStream, java.io.PrintStream, ProbeCache)}
 * or {@code Kconfig.Options}, and every other constructor uses {@link #disabled()}. Being on by
 * default, it must never change a result where the kernel's own build would see a change: the
 * key below covers what the kernel's build uses to decide to re-run Kconfig and more.
 *
 * <p><b>What an entry records.</b> The stdout bytes as captured (at most {@value Shell#MAX_OUTPUT},
 * before the kernel's newline and NUL rules, which are applied again at every use) and every byte
 * the command wrote to stderr; on a hit the stderr bytes are written to the preprocessor's stderr
 * stream, so the output is the same as a real run (only its timing differs). The exit status is
 * ignored by {@code $(shell,...)} and is not stored.
 *
 * <p><b>The key</b> is a SHA-256 of:
 * <ul>
 *   <li>a format version ({@value #FORMAT});
 *   <li>the command text;
 *   <li>the absolute working directory (the object directory), since a command may read files
 *       relative to it;
 *   <li>the whole environment given to the command, every name and value (so the tools' paths,
 *       {@code CC}, {@code LD}, {@code CROSS_COMPILE}, and {@code CC_VERSION_TEXT} as the kernel's
 *       Makefile exports it, are all in it);
 *   <li>the first line of {@code $CC --version}, run once per cache and environment (when
 *       {@code CC} is set): the kernel's own {@code CC_VERSION_TEXT}, which changes when a wrapper
 *       such as {@code /usr/lib/ccache/gcc} or a script calling the real compiler starts calling
 *       a different one;
 *   <li>a fingerprint (path, real path, size, last-modified time to the nanosecond and {@link ContentCheck} of
 *       the content) of {@code /bin/sh} and of every file the command <em>names</em>: the command
 *       is split into words at unquoted whitespace and at the shell operators
 *       {@code ; | & ( ) < >} and backquotes, quotes are dropped, the word after a {@code >} (an
 *       output) is skipped; a word with a {@code /} is resolved against the working directory; a
 *       bare word is looked up on the {@code PATH} of the command's environment, and <em>every</em>
 *       executable of that name on the PATH is fingerprinted, in PATH order (wrappers like ccache
 *       run the next one on the PATH). A word that names nothing is recorded as absent, so a
 *       tool appearing later also changes the key;
 *   <li>for every fingerprinted file that is a script ({@code #!}), the same fingerprint of its
 *       interpreter (through {@code /usr/bin/env NAME}, the PATH's {@code NAME}) and of every
 *       absolute path in its text that is an executable file, recursively (four levels): the
 *       program a wrapper script runs.
 * </ul>
 *
 * <p><b>When a result can be stale.</b> A cached result is returned although running the command
 * would give another one only if none of the above changed and yet the command's output did:
 * <ul>
 *   <li>a file the command or the programs it runs <em>read</em> changed: a compiler's headers,
 *       plugins, specs and {@code cc1}, the assembler and linker a compiler driver runs, a file in
 *       the working directory, a configuration file a wrapper reads;
 *   <li>a program is found other than by a literal word: through a shell variable or expansion
 *       ({@code $VAR}, globs), by a bare word inside a script (looked up on the script's own PATH),
 *       or by a wrapper written in a compiled language choosing it by other means than the PATH
 *       (the version line still catches a changed {@code $CC});
 *   <li>the output varies by itself (the date, {@code $$}, the network, random numbers).
 * </ul>
 * The kernel's build re-runs Kconfig in fewer cases (only when a Kconfig file, an environment
 * variable Kconfig read or {@code CC_VERSION_TEXT} changed), so none of these is detected by the
 * kernel either. {@link #clear()} ({@code kconfig4j cache --clear}) is the remedy after changing a
 * toolchain in such a way, and {@code KCONFIG4J_PROBE_CACHE=off} runs every probe every time.
 *
 * <p><b>Storage.</b> One file per entry, named by the hex key digest plus {@code .probe}, directly
 * in the directory ({@code probes/} of the private {@link CacheRoot}). An entry is written to a temp
 * file in the same directory and renamed into place, so concurrent runs never read a partial
 * entry; an entry carries its own digest and a checksum, and one that is unreadable, truncated or
 * corrupted is a miss and is overwritten. The directory and each entry must pass
 * {@link CacheRoot#distrust} (this user's, not writable by others, no symbolic link): a directory
 * that does not disables the cache with a warning, an entry that does not is a miss with a
 * warning. Failures to create the directory or write an entry are ignored: the command's result
 * is still used, it is only not remembered.
 *
 * <p>Thread-safe; one instance may serve several preprocessors.
 */
public final class ProbeCache {
    /** Part of every key and every entry; change it whenever either format changes. */
    static final int FORMAT = 3;

    private static final String SUFFIX = ".probe";
    private static final String TEMP_PREFIX = ".probe-tmp-";
    private static final Pattern ENTRY_NAME = Pattern.compile("[0-9a-f]{64}\\.probe");
    private static final byte[] MAGIC = "KC4JPRB\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_LENGTH = 32;
    /** Larger stderr output is not stored (such a command is no quiet probe). */
    private static final int MAX_STORED_STDERR = 1 << 20;
    /** Larger files are fingerprinted by size and time only (no probe names such a file). */
    private static final long MAX_HASHED = 256L << 20;
    /** Larger files are not read for the programs a script runs. */
    private static final long MAX_SCRIPT = 1L << 20;
    /** How deep scripts running scripts are followed. */
    private static final int MAX_SCRIPT_DEPTH = 4;
    private static final Path SHELL = Path.of("/bin/sh");

    private static final ProbeCache DISABLED = new ProbeCache(null, null);

    private final Path directory;
    private final Diagnostics warnings;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    /** Null until checked; then why the directory must not be used, or "" if it may. */
    private volatile String directoryDistrust;
    /** Programs examined, by file, attributes and PATH, so that each is read once per cache. */
    private final Map<List<Object>, Examined> examined = new ConcurrentHashMap<>();
    /** The first line of {@code $CC --version}, by environment and working directory, once known. */
    private final Map<List<Object>, java.util.concurrent.CompletableFuture<String>> versionLines = new ConcurrentHashMap<>();

    private ProbeCache(Path directory, Diagnostics warnings) {
        this.directory = directory;
        this.warnings = warnings;
    }

    /**
     * A cache stored in {@code directory}, which is created (mode 0700) when the first entry is
     * written; warnings about untrusted directories and entries go to standard error.
     */
    public static ProbeCache open(Path directory) {
        return open(directory, System.err);
    }

    /** As {@link #open(Path)}, with warnings printed to {@code warnings}. */
    public static ProbeCache open(Path directory, PrintStream warnings) {
        return open(directory, Diagnostics.printingTo(warnings));
    }

    /** As {@link #open(Path)}, with warnings (untrusted directories and entries) reported to {@code warnings}. */
    public static ProbeCache open(Path directory, Diagnostics warnings) {
        return new ProbeCache(Objects.requireNonNull(directory, "directory").toAbsolutePath(), warnings);
    }

    /** No cache: every command runs, and {@link #hits()} and {@link #misses()} stay 0. */
    public static ProbeCache disabled() {
        return DISABLED;
    }

    /** {@link #forEnvironment(Map, PrintStream)} warning on standard error. */
    public static ProbeCache forEnvironment(Map<String, String> environment) {
        return forEnvironment(environment, System.err);
    }

    /**
     * The cache a tool should use in {@code environment}: disabled when KCONFIG4J_PROBE_CACHE is
     * {@code off}, when no cache directory can be determined, or (with a warning) when the
     * directory exists and must not be trusted; else the one in {@link #defaultDirectory}.
     */
    public static ProbeCache forEnvironment(Map<String, String> environment, PrintStream warnings) {
        return forEnvironment(environment, Diagnostics.printingTo(warnings));
    }

    /** As {@link #forEnvironment(Map, PrintStream)}, with warnings reported to {@code warnings}. */
    public static ProbeCache forEnvironment(Map<String, String> environment, Diagnostics warnings) {
        if ("off".equals(environment.get("KCONFIG4J_PROBE_CACHE"))) {
            return disabled();
        }
        Path dir;
        try {
            dir = defaultDirectory(environment);
        } catch (IllegalStateException e) {
            return disabled();
        }
        ProbeCache cache = open(dir, warnings);
        return cache.usable() ? cache : disabled();
    }

    /**
     * Where the cache lives by default: {@value CacheRoot#PROBES} in the {@link CacheRoot}
     * ({@code $KCONFIG4J_CACHE_DIR}, else {@code $XDG_CACHE_HOME/kconfig4j}, else
     * {@code $HOME/.cache/kconfig4j}).
     *
     * @param environment the process environment, e.g. {@link System#getenv()}
     * @throws IllegalStateException if none of the three variables is set
     */
    public static Path defaultDirectory(Map<String, String> environment) {
        return CacheRoot.location(environment).resolve(CacheRoot.PROBES);
    }

    public boolean isEnabled() {
        return directory != null;
    }

    /** The directory, or null for the disabled cache. */
    public Path directory() {
        return directory;
    }

    /** Commands answered from the cache. */
    public long hits() {
        return hits.get();
    }

    /** Commands looked up and not found (or found invalid), hence run. */
    public long misses() {
        return misses.get();
    }

    /**
     * Whether the directory and the root above it may be used: both private (created so if missing)
     * or at least this user's and not writable by others. Warns once if not.
     */
    private boolean usable() {
        String why = directoryDistrust;
        if (why == null) {
            why = "";
            try {
                CacheRoot.privateDirectory(directory.getParent());
                CacheRoot.privateDirectory(directory);
            } catch (CacheRoot.Untrusted e) {
                why = e.getMessage();
            } catch (IOException | SecurityException | UnsupportedOperationException e) {
                // Cannot be created (a read-only home, say): results are still right, only not kept.
                why = "-";
            }
            directoryDistrust = why;
            if (!why.isEmpty() && !"-".equals(why)) {
                CacheRoot.warnOnce(warnings, why);
            }
        }
        return why.isEmpty();
    }

    /**
     * Deletes every entry (and leftover temp file) of the directory; other files, and the
     * directory itself, are left alone, so pointing the cache at a shared directory is harmless.
     */
    public void clear() {
        if (directory == null || !Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (ENTRY_NAME.matcher(name).matches() || name.startsWith(TEMP_PREFIX)) {
                    Files.deleteIfExists(entry);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot clear probe cache " + directory, e);
        }
    }

    /** A command's captured output. */
    record Result(byte[] stdout, byte[] stderr) {
    }

    /** The key digest of one command run; see the class comment. */
    byte[] key(String command, Map<String, String> environment, Path workingDirectory) {
        return key(command, environment, workingDirectory, new Lookups());
    }

    private byte[] key(String command, Map<String, String> environment, Path workingDirectory, Lookups files) {
        KeyWriter key = new KeyWriter();
        key.putInt(FORMAT);
        key.putString(command);
        Path workDir = workingDirectory.toAbsolutePath().normalize();
        key.putString(workDir.toString());
        Map<String, String> sorted = new TreeMap<>(environment);
        key.putInt(sorted.size());
        sorted.forEach((name, value) -> {
            key.putString(name);
            key.putString(value);
        });
        key.putString(versionLine(sorted, workDir));
        Set<Path> seen = new HashSet<>();
        String[] pathDirectories = pathDirectories(environment);
        fingerprint(key, SHELL, pathDirectories, seen, 0, files);
        for (String word : namedWords(command)) {
            key.putString(word);
            if (word.indexOf('/') >= 0) {
                fingerprint(key, workDir.resolve(word), pathDirectories, seen, 0, files);
            } else {
                onPath(word, pathDirectories, workDir, key, seen, files);
            }
        }
        return key.digest();
    }

    private static String[] pathDirectories(Map<String, String> environment) {
        String path = environment.get("PATH");
        return path == null ? new String[0] : path.split(":", -1);
    }

    /**
     * The first line of {@code $CC --version} in this environment (computed once), or "" when CC
     * is unset or says nothing: the kernel's CC_VERSION_TEXT.
     */
    private String versionLine(Map<String, String> environment, Path workDir) {
        String cc = environment.get("CC");
        if (cc == null || cc.isBlank()) {
            return "";
        }
        try {
            return versionLine(environment, workDir, false).join();
        } catch (java.util.concurrent.CompletionException e) {
            return "cannot run: " + e.getCause();
        }
    }

    /**
     * Starts finding the first line of {@code $CC --version} for commands run in
     * {@code environment} and {@code workingDirectory} on a thread of its own, if no key has
     * needed it yet: the first key then waits for a process already running rather than starting
     * one (a warm load checks its snapshot's files meanwhile). Only worth calling where keys in
     * that environment will be computed; the value is the same as without it.
     */
    public void prepare(Map<String, String> environment, Path workingDirectory) {
        String cc = environment.get("CC");
        if (directory != null && cc != null && !cc.isBlank()) {
            versionLine(new TreeMap<>(environment), workingDirectory.toAbsolutePath().normalize(), true);
        }
    }

    /** The version line's future for {@code environment} (sorted) and {@code workDir}, started once. */
    private java.util.concurrent.CompletableFuture<String> versionLine(Map<String, String> environment, Path workDir,
            boolean ahead) {
        java.util.concurrent.CompletableFuture<String> created = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<String> existing = versionLines.putIfAbsent(List.of(environment, workDir),
                created);
        if (existing != null) {
            return existing;
        }
        Runnable run = () -> {
            try {
                created.complete(runVersionLine(environment, workDir));
            } catch (RuntimeException | Error e) {
                created.completeExceptionally(e);
            }
        };
        if (ahead) {
            Thread thread = new Thread(run, "kconfig4j-cc-version");
            thread.setDaemon(true);
            thread.start();
        } else {
            run.run();
        }
        return created;
    }

    /** Runs {@code $CC --version} in {@code environment} and {@code workDir}: "status:first line". */
    private static String runVersionLine(Map<String, String> environment, Path workDir) {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", "$CC --version").directory(workDir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output;
            try (java.io.InputStream in = process.getInputStream()) {
                output = in.readNBytes(Shell.MAX_OUTPUT);
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            int status = process.waitFor();
            String text = new String(output, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return status + ":" + (newline >= 0 ? text.substring(0, newline) : text);
        } catch (IOException e) {
            return "cannot run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Never reused: a unique value makes every key of this run a miss.
            return "interrupted " + System.nanoTime();
        }
    }

    /**
     * The words of {@code command} that may name an input file: split at unquoted whitespace
     * and at {@code ; | & ( ) < >} and backquotes, with quotes removed (no escapes, no
     * expansion); the word after a {@code >} (an output file, such as a log the command appends
     * to, or a file descriptor) is left out.
     */
    static List<String> namedWords(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean output = false;
        char quote = 0;
        for (int i = 0; i <= command.length(); i++) {
            char c = i < command.length() ? command.charAt(i) : ' ';
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
                continue;
            }
            boolean operator = ";|&()<>`".indexOf(c) >= 0;
            if (!operator && !Character.isWhitespace(c)) {
                word.append(c);
                inWord = true;
                continue;
            }
            if (inWord) {
                if (!output && word.length() > 0) {
                    words.add(word.toString());
                }
                word.setLength(0);
                inWord = false;
                output = false;
            }
            if (c == '>') {
                output = true;
            } else if (operator && c != '&' && c != '|') {
                // ">&2" and ">|file" still name an output; any other operator ends it.
                output = false;
            }
        }
        return words;
    }

    /**
     * Fingerprints every executable named {@code word} on {@code PATH}, in PATH order (the first
     * is the one the shell runs; wrappers run later ones); records the end of the list.
     */
    private void onPath(String word, String[] pathDirectories, Path workDir, KeyWriter key, Set<Path> seen,
            Lookups files) {
        for (String dir : pathDirectories) {
            // An empty PATH entry means the current directory, as in POSIX sh.
            Path candidate = dir.isEmpty() ? workDir.resolve(word) : workDir.resolve(dir).resolve(word);
            BasicFileAttributes attributes = files.attributes(candidate);
            if (attributes != null && attributes.isRegularFile() && files.executable(candidate)) {
                fingerprint(key, candidate, attributes, pathDirectories, seen, 0, files);
            }
        }
        key.putString(".");
    }

    private void fingerprint(KeyWriter key, Path file, String[] path, Set<Path> seen, int depth, Lookups files) {
        BasicFileAttributes attributes = files.attributes(file);
        if (attributes == null || !attributes.isRegularFile()) {
            key.putString("-");
            return;
        }
        fingerprint(key, file, attributes, path, seen, depth, files);
    }

    private void fingerprint(KeyWriter key, Path file, BasicFileAttributes attributes, String[] path, Set<Path> seen,
            int depth, Lookups files) {
        key.putString("+");
        key.putString(file.toString());
        Path real = files.realPath(file);
        key.putString(real.toString());
        long mtime = attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
        key.putLong(attributes.size());
        key.putLong(mtime);
        if (!seen.add(real)) {
            return;
        }
        Examined examined = attributes.size() <= MAX_HASHED ? examine(real, attributes.size(), mtime, path) : null;
        key.putBytes(examined != null ? examined.digest() : new byte[0]);
        if (examined != null && depth < MAX_SCRIPT_DEPTH) {
            for (Path program : examined.programs()) {
                fingerprint(key, program, path, seen, depth + 1, files);
            }
        }
    }

    /**
     * What computing keys learns about files (their attributes, whether they are executable, their
     * real paths), asked once per file: for one key, or for the keys of a batch of commands
     * computed together ({@link #answersAll}), which all name the same few programs (the shell,
     * the compiler, its wrappers) and a hundred option words looked up on PATH each.
     */
    private static final class Lookups {
        private final Map<Path, java.util.Optional<BasicFileAttributes>> attributes = new HashMap<>();
        private final Map<Path, Boolean> executable = new HashMap<>();
        private final Map<Path, Path> realPaths = new HashMap<>();

        BasicFileAttributes attributes(Path file) {
            return attributes.computeIfAbsent(file, f -> java.util.Optional.ofNullable(ProbeCache.attributes(f)))
                    .orElse(null);
        }

        boolean executable(Path file) {
            return executable.computeIfAbsent(file, Files::isExecutable);
        }

        Path realPath(Path file) {
            return realPaths.computeIfAbsent(file, f -> {
                try {
                    return f.toRealPath();
                } catch (IOException e) {
                    return f;
                }
            });
        }
    }

    /** A program's content digest and, for a script, the programs it names. */
    private record Examined(byte[] digest, List<Path> programs) {
    }

    /** Reads {@code real} once per cache (by file, size and time): see {@link #fingerprint}. */
    private Examined examine(Path real, long size, long mtime, String[] path) {
        return examined.computeIfAbsent(List.of(real, size, mtime, List.of(path)), k -> new Examined(
                contentDigest(real), size <= MAX_SCRIPT ? scriptPrograms(real, path) : List.of()));
    }

    /**
     * The {@link ContentCheck} of the file's content (not SHA-256: a 7 MB interpreter that a probe
     * names would cost a tenth of a second at every start); a single 0 byte if unreadable.
     */
    private static byte[] contentDigest(Path real) {
        try {
            return ContentCheck.of(real);
        } catch (IOException | SecurityException e) {
            return new byte[] {0};
        }
    }

    /**
     * For a script ({@code #!}): its interpreter (for {@code /usr/bin/env NAME}, every NAME on
     * {@code path} too) and every absolute path in its text naming an executable file. Empty for
     * anything else.
     */
    private static List<Path> scriptPrograms(Path file, String[] path) {
        byte[] head;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(2);
            if (head.length < 2 || head[0] != '#' || head[1] != '!') {
                return List.of();
            }
            head = in.readAllBytes();
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int lineEnd = text.indexOf('\n');
        String[] interpreter = (lineEnd >= 0 ? text.substring(0, lineEnd) : text).trim().split("\\s+");
        List<Path> programs = new ArrayList<>();
        if (interpreter.length > 0 && !interpreter[0].isEmpty()) {
            programs.add(Path.of(interpreter[0]));
            if (interpreter[0].endsWith("/env") && interpreter.length > 1) {
                for (String dir : path) {
                    if (dir.startsWith("/")) {
                        programs.add(Path.of(dir, interpreter[interpreter.length - 1]));
                    }
                }
            }
        }
        for (String word : namedWords(text)) {
            if (word.startsWith("/") && word.length() > 1) {
                Path candidate;
                try {
                    candidate = Path.of(word);
                } catch (java.nio.file.InvalidPathException e) {
                    continue;
                }
                BasicFileAttributes attributes = attributes(candidate);
                if (attributes != null && attributes.isRegularFile() && Files.isExecutable(candidate)) {
                    programs.add(candidate);
                }
            }
        }
        return programs;
    }

    /** The attributes of a regular file (following links); null for anything else or nothing. */
    private static BasicFileAttributes attributes(Path file) {
        if (!file.toFile().isFile()) {
            // Most words of a probe name no program: java.io.File says so without the exception
            // that Files.readAttributes would build (a run checks ~3,000 such names).
            return null;
        }
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /**
     * Whether this cache answers {@code command} (run in {@code environment} and
     * {@code workingDirectory}) with exactly {@code stdout} and {@code stderr}, as a load would see
     * it now: the key is computed anew (so a changed program or environment says no) and the
     * entry must be there and intact. Counts a hit when it does.
     */
    public boolean answers(String command, Map<String, String> environment, Path workingDirectory, byte[] stdout,
            byte[] stderr) {
        return answers(command, environment, workingDirectory, stdout, stderr, new Lookups());
    }

    /**
     * Whether this cache {@linkplain #answers answers} every one of {@code runs} as it was
     * answered, now; their keys are computed together, each file they name looked up once.
     * Stops at the first that it does not.
     */
    public boolean answersAll(List<Preprocessor.ProbeRun> runs, Map<String, String> environment,
            Path workingDirectory) {
        Lookups files = new Lookups();
        for (Preprocessor.ProbeRun run : runs) {
            if (!answers(run.command(), environment, workingDirectory, run.stdout(), run.stderr(), files)) {
                return false;
            }
        }
        return true;
    }

    private boolean answers(String command, Map<String, String> environment, Path workingDirectory, byte[] stdout,
            byte[] stderr, Lookups files) {
        if (directory == null) {
            return false;
        }
        Result stored = read(key(command, environment, workingDirectory, files));
        boolean same = stored != null && Arrays.equals(stored.stdout(), stdout) && Arrays.equals(stored.stderr(), stderr);
        if (same) {
            hits.incrementAndGet();
        }
        return same;
    }

    /** The stored result for {@code key}, counting a hit or a miss; null on a miss. */
    Result lookup(byte[] key) {
        Result result = read(key);
        (result != null ? hits : misses).incrementAndGet();
        return result;
    }

    private Result read(byte[] key) {
        if (directory == null || !usable()) {
            return null;
        }
        Path file = entry(key);
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        String why = CacheRoot.distrust(file, false);
        if (why != null) {
            CacheRoot.warnOnce(warnings, "probe cache entry " + file + " " + why + "; not used");
            return null;
        }
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC) || in.getInt() != FORMAT) {
                return null;
            }
            byte[] storedKey = new byte[DIGEST_LENGTH];
            in.get(storedKey);
            if (!Arrays.equals(storedKey, key)) {
                return null;
            }
            byte[] stdout = bytes(in);
            byte[] stderr = bytes(in);
            int bodyLength = in.position();
            byte[] checksum = new byte[DIGEST_LENGTH];
            in.get(checksum);
            if (in.hasRemaining()) {
                return null;
            }
            MessageDigest digest = sha256();
            digest.update(data, 0, bodyLength);
            if (!MessageDigest.isEqual(digest.digest(), checksum)) {
                return null;
            }
            return new Result(stdout, stderr);
        } catch (RuntimeException e) {
            // Truncated (BufferUnderflowException) or absurd lengths: a corrupted entry.
            return null;
        }
    }

    private static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("bad length");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    /** Remembers {@code result} for {@code key}; failures are ignored (see the class comment). */
    void store(byte[] key, Result result) {
        if (directory == null || result.stderr().length > MAX_STORED_STDERR) {
            return;
        }
        try {
            if (!usable()) {
                return;
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(
                    64 + result.stdout().length + result.stderr().length);
            DataOutputStream out = new DataOutputStream(buffer);
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.write(key);
            out.writeInt(result.stdout().length);
            out.write(result.stdout());
            out.writeInt(result.stderr().length);
            out.write(result.stderr());
            out.flush();
            MessageDigest digest = sha256();
            digest.update(buffer.toByteArray());
            out.write(digest.digest());
            out.flush();
            CacheRoot.writeAtomically(entry(key), TEMP_PREFIX, temp -> Files.write(temp, buffer.toByteArray()));
        } catch (IOException | SecurityException e) {
            // Best effort: the result was used; it is only not remembered.
        }
    }

    /** The file of the entry for {@code key}. */
    Path entry(byte[] key) {
        return directory.resolve(HexFormat.of().formatHex(key) + SUFFIX);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Feeds an unambiguous serialization (length-prefixed strings) to SHA-256. */
    private static final class KeyWriter {
        private final MessageDigest digest = sha256();
        private final ByteBuffer scratch = ByteBuffer.allocate(Long.BYTES);

        void putInt(int value) {
            scratch.clear();
            scratch.putInt(value);
            digest.update(scratch.array(), 0, Integer.BYTES);
        }

        void putLong(long value) {
            scratch.clear();
            scratch.putLong(value);
            digest.update(scratch.array(), 0, Long.BYTES);
        }

        void putBytes(byte[] value) {
            putInt(value.length);
            digest.update(value);
        }

        void putString(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            putInt(bytes.length);
            digest.update(bytes);
        }

        byte[] digest() {
            return digest.digest();
        }
    }
}
