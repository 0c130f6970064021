package dev.kconfig4j.preprocess;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A persistent cache of {@code $(shell,...)} results, so that compiler probes
 * ({@code $(cc-option,...)}, {@code scripts/cc-version.sh $(CC)}, ...) run once rather than at
 * every load of a tree. Off unless the caller asks for it: pass {@link #open(Path)} to
 * {@link Preprocessor#Preprocessor(Map, Path, java.io.PrintStream, java.io.PrintStream, ProbeCache)};
 * every other constructor uses {@link #disabled()}.
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
 *   <li>the whole environment given to the command, every name and value;
 *   <li>a fingerprint (path, real path, size, last-modified time to the nanosecond) of
 *       {@code /bin/sh} and of every file the command <em>names</em>: the command is split into
 *       words at unquoted whitespace and at the shell operators {@code ; | & ( ) < >} and
 *       backquotes, quotes are dropped, the word after a {@code >} (an output) is skipped, and
 *       each word that is an absolute path, or a relative path with a
 *       {@code /} (resolved against the working directory), of an existing regular file, or a bare
 *       word found as an executable regular file on the {@code PATH} of the command's environment,
 *       is fingerprinted. A word that names nothing is recorded as absent, so a tool appearing
 *       later (on an earlier {@code PATH} entry, say) also changes the key.
 * </ul>
 *
 * <p><b>Limits.</b> Only files named literally in the command are checked: a script a named
 * script runs, a file a compiler reads (its headers, its plugins, {@code cc1}, the linker it
 * calls), files written other than by {@code >} (a {@code -o file} that exists is fingerprinted,
 * so a command rewriting a regular file it names is never a hit), words produced by shell expansion ({@code $VAR}, globs) and the contents of files in
 * the working directory are not. A command whose output varies without any of these inputs
 * changing (the date, {@code $$}, the network, a file it reads being edited) gets a stale
 * answer. Hence the cache is opt-in, and {@link #clear()} is the remedy after changing a toolchain
 * in a way that does not touch the named binaries.
 *
 * <p><b>Storage.</b> One file per entry, named by the hex key digest plus {@code .probe}, directly
 * in the directory. An entry is written to a temp file in the same directory and renamed into
 * place, so concurrent runs never read a partial entry; an entry carries its own digest and a
 * checksum, and one that is unreadable, truncated or corrupted is a miss and is overwritten.
 * Failures to create the directory or write an entry are ignored: the command's result is still
 * used, it is only not remembered.
 *
 * <p>Thread-safe; one instance may serve several preprocessors.
 */
public final class ProbeCache {
    /** Part of every key and every entry; change it whenever either format changes. */
    static final int FORMAT = 1;

    private static final String SUFFIX = ".probe";
    private static final String TEMP_PREFIX = ".probe-tmp-";
    private static final Pattern ENTRY_NAME = Pattern.compile("[0-9a-f]{64}\\.probe");
    private static final byte[] MAGIC = "KC4JPRB\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_LENGTH = 32;
    /** Larger stderr output is not stored (such a command is no quiet probe). */
    private static final int MAX_STORED_STDERR = 1 << 20;
    private static final Path SHELL = Path.of("/bin/sh");

    private static final ProbeCache DISABLED = new ProbeCache(null);

    private final Path directory;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private volatile boolean directoryCreated;

    private ProbeCache(Path directory) {
        this.directory = directory;
    }

    /**
     * A cache stored in {@code directory}, which is created when the first entry is written.
     */
    public static ProbeCache open(Path directory) {
        return new ProbeCache(Objects.requireNonNull(directory, "directory").toAbsolutePath());
    }

    /** No cache: every command runs, and {@link #hits()} and {@link #misses()} stay 0. */
    public static ProbeCache disabled() {
        return DISABLED;
    }

    /**
     * Where the cache lives by default: {@code $KCONFIG4J_CACHE_DIR} if set, else
     * {@code $XDG_CACHE_HOME/kconfig4j/probes}, else {@code $HOME/.cache/kconfig4j/probes}
     * (empty values count as unset, as the XDG specification says).
     *
     * @param environment the process environment, e.g. {@link System#getenv()}
     * @throws IllegalStateException if none of the three variables is set
     */
    /**
     * The cache a tool should use in {@code environment}: disabled when KCONFIG4J_PROBE_CACHE is
     * {@code off} or no cache directory can be determined, else the one in {@link #defaultDirectory}.
     */
    public static ProbeCache forEnvironment(Map<String, String> environment) {
        if ("off".equals(environment.get("KCONFIG4J_PROBE_CACHE"))) {
            return disabled();
        }
        try {
            return open(defaultDirectory(environment));
        } catch (IllegalStateException e) {
            return disabled();
        }
    }

    public static Path defaultDirectory(Map<String, String> environment) {
        String explicit = environment.get("KCONFIG4J_CACHE_DIR");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return Path.of(xdg, "kconfig4j", "probes");
        }
        String home = environment.get("HOME");
        if (home != null && !home.isEmpty()) {
            return Path.of(home, ".cache", "kconfig4j", "probes");
        }
        throw new IllegalStateException("no cache directory: none of KCONFIG4J_CACHE_DIR, XDG_CACHE_HOME, HOME is set");
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
    static byte[] key(String command, Map<String, String> environment, Path workingDirectory) {
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
        fingerprint(key, SHELL);
        String path = environment.get("PATH");
        String[] pathDirectories = path == null ? new String[0] : path.split(":", -1);
        for (String word : namedWords(command)) {
            key.putString(word);
            if (word.indexOf('/') >= 0) {
                fingerprint(key, workDir.resolve(word));
            } else {
                key.putString(onPath(word, pathDirectories, workDir, key));
            }
        }
        return key.digest();
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
     * Finds {@code word} as the shell would on {@code PATH} and fingerprints it; returns what
     * was found (for the key), or "" if nothing.
     */
    private static String onPath(String word, String[] pathDirectories, Path workDir, KeyWriter key) {
        for (String dir : pathDirectories) {
            // An empty PATH entry means the current directory, as in POSIX sh.
            Path candidate = dir.isEmpty() ? workDir.resolve(word) : workDir.resolve(dir).resolve(word);
            BasicFileAttributes attributes = attributes(candidate);
            if (attributes != null && attributes.isRegularFile() && Files.isExecutable(candidate)) {
                fingerprint(key, candidate, attributes);
                return candidate.toString();
            }
        }
        return "";
    }

    private static void fingerprint(KeyWriter key, Path file) {
        BasicFileAttributes attributes = attributes(file);
        if (attributes == null || !attributes.isRegularFile()) {
            key.putString("-");
            return;
        }
        fingerprint(key, file, attributes);
    }

    private static void fingerprint(KeyWriter key, Path file, BasicFileAttributes attributes) {
        key.putString("+");
        key.putString(file.toString());
        String real;
        try {
            real = file.toRealPath().toString();
        } catch (IOException e) {
            real = "";
        }
        key.putString(real);
        key.putLong(attributes.size());
        key.putLong(attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** The stored result for {@code key}, counting a hit or a miss; null on a miss. */
    Result lookup(byte[] key) {
        Result result = read(key);
        (result != null ? hits : misses).incrementAndGet();
        return result;
    }

    private Result read(byte[] key) {
        byte[] data;
        try {
            data = Files.readAllBytes(entry(key));
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
        Path temp = null;
        try {
            if (!directoryCreated) {
                Files.createDirectories(directory);
                directoryCreated = true;
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
            temp = Files.createTempFile(directory, TEMP_PREFIX, ".tmp");
            Files.write(temp, buffer.toByteArray());
            try {
                Files.move(temp, entry(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, entry(key), StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException | SecurityException e) {
            // Best effort: the result was used; it is only not remembered.
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // A stray temp file is removed by clear().
                }
            }
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
