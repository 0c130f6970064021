package dev.kconfig4j.snapshot;

import dev.kconfig4j.cache.CacheRoot;
import dev.kconfig4j.cache.ContentCheck;
import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.diagnostic.Diagnostics;

import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Name;
import dev.kconfig4j.expr.Names;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.parse.Attribute;
import dev.kconfig4j.parse.Location;
import dev.kconfig4j.parse.Parser;
import dev.kconfig4j.parse.Statement;
import dev.kconfig4j.menu.MenuBuilder;
import dev.kconfig4j.menu.TreeImage;
import dev.kconfig4j.preprocess.Preprocessor;
import dev.kconfig4j.preprocess.ProbeCache;
import dev.kconfig4j.symbol.SymbolTable;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A snapshot of a parsed Kconfig tree: the syntax tree and the names it uses; the tree built from it
 * (its menus and symbols, a {@link TreeImage}); and what building the menus and the checks of the
 * built tree reported. A later load of the same tree in the same environment skips reading,
 * expanding and parsing its ~1,700 files, the bulk of a run's time, and checking the tree
 * (dependency loops and the like: their findings depend on the syntax tree and kconfig4j alone); a
 * load that keeps no syntax tree ({@code conf}) also skips building the menus, taking the built
 * tree itself, and one that keeps it builds them again from the syntax tree. A snapshot is written
 * only for a tree that passed its checks.
 *
 * <p><b>When a snapshot is used.</b> Only when all of these are unchanged, checked at every use:
 * <ul>
 *   <li>kconfig4j itself (the {@link #check} value of its jar or classes directory);
 *   <li>the tree's location, top file, working directory, dialect and the whole environment (the
 *       snapshot's name is a digest of them, and the header repeats them);
 *   <li>every file the parse read: the same name resolves to the same file (a file appearing in the
 *       working directory would shadow one in srctree) with the same content ({@link #check});
 *   <li>every {@code $(shell,...)} the parse ran: the {@link ProbeCache} answers it now, with its
 *       key computed anew (command, environment, the programs it names and their content, the
 *       compiler's version line), with exactly the output the parse used. So a snapshot is exactly
 *       as fresh as the probe cache and can never hide what the probe cache would see; with the
 *       probe cache off there are no snapshots.
 * </ul>
 * The files and the probes are checked on two threads while the snapshot is decoded and its menus
 * built; nothing of it is printed or kept before both said yes ({@link Parsed#confirm}).
 * What the parse printed ({@code $(info,...)}, the probes' stderr) is stored and printed again, and
 * the warnings it reported are stored as values and reported again, in the same order: a load
 * from a snapshot gives the same {@link Diagnostic}s as a parse. Snapshots are stored in {@code snapshots/} of the private {@link CacheRoot}, written
 * atomically, and must pass {@link CacheRoot#distrust} (another user's or a writable snapshot is
 * ignored with a warning) and their checksum (a damaged one is ignored with a warning and
 * rewritten). Anything unexpected while reading one makes it a miss: the tree is parsed as usual.
 * Each write prunes the directory ({@link #prune}): the least recently used snapshots go first
 * until the rest fit in {@code KCONFIG4J_SNAPSHOT_LIMIT_MIB} (64 MiB, about ten trees), and none
 * unused for 30 days is kept.
 */
public final class TreeSnapshot {
    static final int FORMAT = 5;
    private static final byte[] MAGIC = "KC4JSNP\n".getBytes(StandardCharsets.US_ASCII);
    /** The length of a {@link #check} value. */
    private static final int DIGEST = ContentCheck.LENGTH;
    private static volatile byte[] selfDigest;

    /** The default bound on the snapshot directory's total size: about ten trees. */
    static final long DEFAULT_LIMIT = 64L << 20;
    /** A snapshot unused for this long is removed whatever the total. */
    static final java.time.Duration MAX_UNUSED = java.time.Duration.ofDays(30);
    private static final java.util.regex.Pattern SNAPSHOT_NAME = java.util.regex.Pattern.compile("[0-9a-f]{64}\\.snapshot");
    private static final String TEMP_PREFIX = ".snapshot-tmp-";

    private final Path file;
    private final Diagnostics warnings;
    private final byte[] header;
    /** The bound on the directory's total size, in bytes ({@code KCONFIG4J_SNAPSHOT_LIMIT_MIB}). */
    private final long limit;

    /**
     * What a parse produced, as a snapshot gives it back before it is known to be valid: the
     * snapshot's files and probes are checked on another thread meanwhile, and nothing of it may
     * be printed or kept until {@link #confirm} said yes. The syntax tree and names can be used
     * for work that is thrown away otherwise (building the menus, say).
     */
    public static final class Parsed {
        private final Names names;
        private final List<Statement> syntax;
        private final SymbolTable symbols;
        private final TreeImage.Read image;
        private final Map<String, String> usedEnvironment;
        private final List<Diagnostic> menuDiagnostics;
        private final List<Diagnostic> treeChecks;
        private final List<Object[]> output;
        private final List<java.util.concurrent.Future<Boolean>> checks;
        private final TreeSnapshot snapshot;

        private Parsed(TreeSnapshot snapshot, Names names, List<Statement> syntax, SymbolTable symbols,
                TreeImage.Read image, Map<String, String> usedEnvironment, List<Diagnostic> menuDiagnostics,
                List<Diagnostic> treeChecks, List<Object[]> output, List<java.util.concurrent.Future<Boolean>> checks) {
            this.snapshot = snapshot;
            this.names = names;
            this.syntax = syntax;
            this.symbols = symbols;
            this.image = image;
            this.usedEnvironment = usedEnvironment;
            this.menuDiagnostics = menuDiagnostics;
            this.treeChecks = treeChecks;
            this.output = output;
            this.checks = checks;
        }

        public Names names() {
            return names;
        }

        /** The syntax tree; null when the built tree was read instead ({@link #image}). */
        public List<Statement> syntax() {
            return syntax;
        }

        /** The built tree's symbols (frozen), with {@link #image}; null when the syntax tree was read. */
        public SymbolTable symbols() {
            return symbols;
        }

        /** The built tree (menus and the files read); null when the syntax tree was read. */
        public TreeImage.Read image() {
            return image;
        }

        /** What building the menus reported (a load that builds them again reports its own). */
        public List<Diagnostic> menuDiagnostics() {
            return menuDiagnostics;
        }

        public Map<String, String> usedEnvironment() {
            return usedEnvironment;
        }

        /**
         * What the checks of the built tree reported when the snapshot was written (the snapshot
         * of a tree that failed them is never written): they depend on the syntax tree and
         * kconfig4j alone, both the same for every use of the snapshot.
         */
        public List<Diagnostic> checks() {
            return treeChecks;
        }

        /**
         * Waits until the snapshot's files and probes are checked. If they are unchanged, prints
         * what the parse printed to {@code out} and {@code err}, reports its diagnostics to
         * {@code diagnostics}, in their order, and returns true; otherwise returns false having
         * printed nothing (the tree is then parsed as usual).
         */
        public boolean confirm(PrintStream out, PrintStream err, Diagnostics diagnostics) {
            try {
                for (java.util.concurrent.Future<Boolean> check : checks) {
                    if (!check.get()) {
                        return false;
                    }
                }
            } catch (java.util.concurrent.ExecutionException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            for (Object[] o : output) {
                PrintStream to = (Integer) o[0] == 0 ? out : err;
                if (o[1] instanceof Diagnostic d) {
                    diagnostics.report(d);
                    continue;
                }
                if (o[1] instanceof String text) {
                    to.print(text);
                } else {
                    byte[] b = (byte[]) o[1];
                    to.write(b, 0, b.length);
                }
                to.flush();
            }
            snapshot.markUsed();
            return true;
        }
    }

    private TreeSnapshot(Path file, Diagnostics warnings, byte[] header, long limit) {
        this.limit = limit;
        this.file = file;
        this.warnings = warnings;
        this.header = header;
    }

    /**
     * The snapshot slot for a load with these inputs, or null when there can be none (the probe
     * cache off, or the snapshot directory not usable; the latter with a warning).
     */
    public static TreeSnapshot slot(ProbeCache probes, Path srctree, String kconfig, Path workingDirectory,
            String dialect, Map<String, String> environment, Diagnostics warnings) {
        if (probes == null || !probes.isEnabled() || "off".equals(environment.get("KCONFIG4J_SNAPSHOTS"))
                || "off".equals(System.getProperty("kconfig4j.snapshots"))) {
            return null;
        }
        Path dir = probes.directory().resolveSibling(CacheRoot.SNAPSHOTS);
        try {
            CacheRoot.privateDirectory(dir.getParent());
            CacheRoot.privateDirectory(dir);
            Writer h = new Writer();
            h.bytes(self());
            h.string(srctree == null ? "" : srctree.toAbsolutePath().normalize().toString());
            h.string(kconfig);
            h.string(workingDirectory.toAbsolutePath().normalize().toString());
            h.string(dialect);
            Map<String, String> sorted = new TreeMap<>(environment);
            h.out.writeInt(sorted.size());
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                h.string(e.getKey());
                h.string(e.getValue());
            }
            byte[] header = h.toByteArray();
            String name = HexFormat.of().formatHex(sha256().digest(header)) + ".snapshot";
            return new TreeSnapshot(dir.resolve(name), warnings, header,
                    limit(environment.get("KCONFIG4J_SNAPSHOT_LIMIT_MIB")));
        } catch (CacheRoot.Untrusted e) {
            CacheRoot.warnOnce(warnings, e.getMessage());
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The snapshot's file. */
    public Path file() {
        return file;
    }

    // ------------------------------------------------------------------------------------------
    // recording a parse
    // ------------------------------------------------------------------------------------------

    /**
     * The tree built from a parse, for its snapshot: its symbols (frozen) and menus, the files the
     * parse read, what building the menus reported and what the checks of the built tree
     * reported.
     */
    public record Built(SymbolTable symbols, MenuBuilder.Result result, List<String> filesRead,
            List<Diagnostic> menuDiagnostics, List<Diagnostic> checks) {
    }

    /** Everything a parse read and printed, gathered while it runs. */
    public static final class Recording {
        private final List<Object[]> files = new ArrayList<>();
        private final List<Object[]> output = new ArrayList<>();

        /** For {@link Parser#onFileRead}. */
        public void fileRead(String name, Path path, String text) {
            files.add(new Object[] {name, path.toString(), check(text.getBytes(StandardCharsets.ISO_8859_1))});
        }

        /** {@code original}, with everything printed to it also recorded (stream 0: out, 1: err). */
        public PrintStream tee(PrintStream original, int stream) {
            return new Tee(original, stream, this);
        }

        /** A diagnostic the parse reported, in its place among the output: a later load reports it again. */
        public void diagnostic(Diagnostic d) {
            output.add(new Object[] {1, d});
        }
    }

    /**
     * Passes output on and records it: text as text (so that it is printed again through the
     * same stream, in that stream's encoding), bytes as bytes.
     */
    private static final class Tee extends PrintStream {
        private final PrintStream original;
        private final int stream;
        private final Recording recording;

        Tee(PrintStream original, int stream, Recording recording) {
            super(original, true, StandardCharsets.UTF_8);
            this.original = original;
            this.stream = stream;
            this.recording = recording;
        }

        private void text(String s) {
            recording.output.add(new Object[] {stream, s});
            original.print(s);
        }

        @Override
        public void print(String s) {
            text(String.valueOf(s));
        }

        @Override
        public void println(String s) {
            text(s + System.lineSeparator());
        }

        @Override
        public void println() {
            text(System.lineSeparator());
        }

        @Override
        public PrintStream printf(String format, Object... args) {
            text(String.format(format, args));
            return this;
        }

        @Override
        public PrintStream printf(Locale l, String format, Object... args) {
            text(String.format(l, format, args));
            return this;
        }

        @Override
        public PrintStream format(String format, Object... args) {
            return printf(format, args);
        }

        @Override
        public PrintStream format(Locale l, String format, Object... args) {
            return printf(l, format, args);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len == 0) {
                return;
            }
            recording.output.add(new Object[] {stream, Arrays.copyOfRange(b, off, off + len)});
            original.write(b, off, len);
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() {
            original.flush();
        }
    }

    /** Writes the snapshot of a finished parse; failures only mean there is none. */
    public void write(Recording recording, List<Name> names, List<Statement> syntax, Preprocessor preprocessor,
            Built built) {
        try {
            CacheRoot.writeAtomically(file, TEMP_PREFIX,
                    temp -> writeTo(temp, recording, names, syntax, preprocessor, built));
            prune(file.getParent(), file, limit, java.time.Instant.now());
        } catch (IOException | RuntimeException e) {
            // A tree this format does not know (a new kind of statement, say) or a full disk: no snapshot.
        }
    }

    /**
     * Writes the snapshot into {@code temp}, streamed with its check computed on the way: a 6 MB
     * buffer and its copy would be the peak of a first run's memory.
     */
    private void writeTo(Path temp, Recording recording, List<Name> all, List<Statement> syntax,
            Preprocessor preprocessor, Built built) throws IOException {
        try (Writer w = new Writer(Files.newOutputStream(temp))) {
            w.out.write(MAGIC);
            w.out.writeInt(FORMAT);
            w.bytes(header);
            w.out.writeInt(recording.files.size());
            for (Object[] f : recording.files) {
                w.string((String) f[0]);
                w.string((String) f[1]);
                w.bytes((byte[]) f[2]);
            }
            List<Preprocessor.ProbeRun> probes = preprocessor.probeRuns();
            w.out.writeInt(probes.size());
            for (Preprocessor.ProbeRun p : probes) {
                w.string(p.command());
                w.bytes(p.stdout());
                w.bytes(p.stderr());
            }
            Map<String, String> used = preprocessor.usedEnvironment();
            w.out.writeInt(used.size());
            for (Map.Entry<String, String> e : used.entrySet()) {
                w.string(e.getKey());
                w.string(e.getValue());
            }
            w.out.writeInt(recording.output.size());
            for (Object[] o : recording.output) {
                w.out.writeByte((Integer) o[0]);
                if (o[1] instanceof String s) {
                    w.out.writeByte(0);
                    w.string(s);
                } else if (o[1] instanceof Diagnostic d) {
                    w.out.writeByte(2);
                    w.diagnostic(d);
                } else {
                    w.out.writeByte(1);
                    w.bytes((byte[]) o[1]);
                }
            }
            w.out.writeInt(all.size());
            for (Name s : all.subList(3, all.size())) {
                w.out.writeByte(s.isChoice() ? 2 : s.isConstant() ? 1 : 0);
                w.string(s.text());
            }
            w.diagnostics(built.menuDiagnostics());
            w.diagnostics(built.checks());
            w.statements(syntax);
            // The built tree last, with strings of its own, and then its length: a load that reads
            // it skips the syntax tree, one that reads the syntax tree skips it. Streamed straight
            // into the file (a buffer of it would be a first run's peak of memory).
            int imageStart = w.out.size();
            TreeImage.write(w.out, built.symbols(), built.result(), all.size(), built.filesRead());
            w.out.writeInt(w.out.size() - imageStart);
            w.finish();
        }
    }

    // ------------------------------------------------------------------------------------------
    // reading one
    // ------------------------------------------------------------------------------------------

    /**
     * The parse this snapshot holds, decoded, with the check that it is valid for a load now (see
     * the class comment) started on other threads ({@link Parsed#confirm} waits for it); null
     * if there is none or it cannot be used (with a warning if it is damaged or not trusted).
     * With {@code syntaxWanted}, the syntax tree, from which the menus are built again; without,
     * the built tree itself ({@link Parsed#image}), which a load that keeps no syntax tree uses.
     */
    public Parsed read(ProbeCache probes, Map<String, String> environment, Path srctree, Path workingDirectory,
            boolean syntaxWanted) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        String why = CacheRoot.distrust(file, false);
        if (why != null) {
            CacheRoot.warnOnce(warnings, "snapshot " + file + " " + why + "; not used");
            return null;
        }
        // Mapped, not read: the ~10 MB stay out of the heap, which would otherwise grow for them
        // and stay grown (peak memory), and of the mapping only what is decoded becomes resident
        // (a load reads the built tree or the syntax tree, not both): the check is computed by
        // reading the same open file through a small buffer. Snapshots are replaced by rename and
        // removed by unlink, never rewritten in place, so the mapping cannot change under the reader.
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer data = channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, channel.size());
            byte[] computed = data.capacity() < MAGIC.length + DIGEST ? null
                    : ContentCheck.of(channel, data.capacity() - DIGEST);
            return decode(channel, data, computed, probes, environment, srctree, workingDirectory, syntaxWanted);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@link #read} of the snapshot open as {@code channel}, mapped as {@code data}, whose check is {@code computed}. */
    private Parsed decode(java.nio.channels.FileChannel channel, ByteBuffer data, byte[] computed, ProbeCache probes,
            Map<String, String> environment, Path srctree, Path workingDirectory, boolean syntaxWanted) {
        int length = data.capacity();
        try {
            byte[] stored = new byte[DIGEST];
            if (length >= MAGIC.length + DIGEST) {
                data.get(length - DIGEST, stored);
            }
            if (computed == null || !Arrays.equals(stored, computed)) {
                CacheRoot.warnOnce(warnings, "snapshot " + file + " is damaged (checksum); not used");
                return null;
            }
            Reader r = new Reader(data.slice(0, length - DIGEST));
            byte[] magic = new byte[MAGIC.length];
            r.in.get(magic);
            if (!Arrays.equals(magic, MAGIC) || r.in.getInt() != FORMAT || !Arrays.equals(r.bytes(), header)) {
                return null;
            }
            int files = r.in.getInt();
            List<Object[]> read = new ArrayList<>(Math.min(files, 1 << 16));
            for (int i = 0; i < files; i++) {
                read.add(new Object[] {r.string(), r.string(), r.bytes()});
            }
            int probeCount = r.in.getInt();
            List<Preprocessor.ProbeRun> ran = new ArrayList<>(Math.min(probeCount, 1 << 16));
            for (int i = 0; i < probeCount; i++) {
                ran.add(new Preprocessor.ProbeRun(r.string(), r.bytes(), r.bytes()));
            }
            if (!ran.isEmpty()) {
                // The probes' keys need the compiler's version line, a process: started now, it
                // runs while the files are checked.
                probes.prepare(environment, workingDirectory);
            }
            // Checking the files, checking the probes, decoding the tree and building its menus
            // are independent: both checks run on threads of their own (most of a warm load's
            // wall time otherwise), and nothing of the snapshot is printed or kept before both
            // said yes (Parsed.confirm).
            java.util.concurrent.FutureTask<Boolean> filesValid = new java.util.concurrent.FutureTask<>(
                    () -> filesUnchanged(read, srctree, workingDirectory));
            java.util.concurrent.FutureTask<Boolean> probesValid = new java.util.concurrent.FutureTask<>(
                    () -> probes.answersAll(ran, environment, workingDirectory));
            start(filesValid, "kconfig4j-snapshot-files");
            start(probesValid, "kconfig4j-snapshot-probes");
            Map<String, String> used = new LinkedHashMap<>();
            int usedCount = r.in.getInt();
            for (int i = 0; i < usedCount; i++) {
                used.put(r.string(), r.string());
            }
            List<Object[]> output = new ArrayList<>();
            int outputCount = r.in.getInt();
            for (int i = 0; i < outputCount; i++) {
                int stream = r.in.get();
                int kind = r.in.get();
                output.add(new Object[] {stream, switch (kind) {
                    case 0 -> r.string();
                    case 1 -> r.bytes();
                    case 2 -> r.diagnostic();
                    default -> throw new IllegalArgumentException("bad output kind " + kind);
                }});
            }
            Names names = new Names();
            int nameCount = r.in.getInt();
            r.names = new Name[nameCount];
            List<Name> initial = names.all();
            for (int i = 0; i < 3; i++) {
                r.names[i] = initial.get(i);
            }
            for (int i = 3; i < nameCount; i++) {
                int kind = r.in.get();
                String text = r.string();
                Name n = kind == 2 ? names.choice(text) : kind == 1 ? names.constant(text) : names.lookup(text);
                if (n.id() != i) {
                    return null;
                }
                r.names[i] = n;
            }
            List<Diagnostic> menuDiagnostics = r.list(r::diagnostic);
            List<Diagnostic> checks = r.list(r::diagnostic);
            int end = r.in.limit() - Integer.BYTES;
            int imageLength = end < r.in.position() ? -1 : r.in.getInt(end);
            int imageStart = end - imageLength;
            if (imageLength < 0 || imageStart < r.in.position()) {
                throw new IllegalArgumentException("bad length " + imageLength);
            }
            List<java.util.concurrent.Future<Boolean>> valid = List.of(filesValid, probesValid);
            if (!syntaxWanted) {
                // Read from the file, not through the mapping: its ~5 MB never become resident.
                SymbolTable symbols = new SymbolTable(names);
                TreeImage.Read built = TreeImage.read(new Slice(channel, imageStart, imageLength), symbols);
                return new Parsed(this, names, null, symbols, built, used, menuDiagnostics, checks, output, valid);
            }
            r.in.limit(imageStart);
            List<Statement> syntax = r.statements();
            if (r.in.hasRemaining()) {
                return null;
            }
            return new Parsed(this, names, syntax, null, null, used, menuDiagnostics, checks, output, valid);
        } catch (RuntimeException | InternalError e) {
            // InternalError: the file was cut short under the mapping (another program, not us).
            CacheRoot.warnOnce(warnings, "snapshot " + file + " cannot be read (" + e + "); not used");
            return null;
        }
    }

    private static void start(Runnable check, String name) {
        Thread thread = new Thread(check, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Whether every file the parse read ({@code name, path, check}) is still what the same name
     * resolves to, with the same content.
     */
    private static boolean filesUnchanged(List<Object[]> read, Path srctree, Path workingDirectory) {
        byte[] buffer = new byte[1 << 14];
        for (Object[] f : read) {
            Path now = Parser.resolve((String) f[0], workingDirectory, srctree);
            if (now == null || !now.toString().equals(f[1])) {
                return false;
            }
            try {
                if (!Arrays.equals(ContentCheck.of(now, buffer), (byte[]) f[2])) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Records a use in the file's modification time: pruning removes the least recently used first. */
    void markUsed() {
        try {
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
        } catch (IOException | RuntimeException e) {
            // Only the pruning order suffers.
        }
    }

    /** The limit {@code KCONFIG4J_SNAPSHOT_LIMIT_MIB} gives (a whole number of MiB), else the default. */
    static long limit(String mib) {
        if (mib != null) {
            try {
                return Math.max(0, Long.parseLong(mib.trim())) << 20;
            } catch (NumberFormatException e) {
                // A malformed tuning variable is ignored: the default applies.
            }
        }
        return DEFAULT_LIMIT;
    }

    /**
     * Keeps the snapshot directory small: removes snapshots unused for {@link #MAX_UNUSED}, then
     * the least recently used (written or read) until the rest fit in {@code limit} bytes, and
     * temp files left by an interrupted write an hour old. {@code keep}, just written, stays even
     * if it alone exceeds the limit. Only files named as snapshots are touched, so a directory
     * shared with other files is harmless. Another run may read a snapshot being removed: it has
     * it open or finds none, both fine.
     */
    static void prune(Path dir, Path keep, long limit, java.time.Instant now) {
        record Entry(Path path, long size, long used) {
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                boolean snapshot = SNAPSHOT_NAME.matcher(name).matches();
                if (!snapshot && !name.startsWith(TEMP_PREFIX)) {
                    continue;
                }
                java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(f,
                        java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                long used = a.lastModifiedTime().toMillis();
                if (!snapshot) {
                    if (now.toEpochMilli() - used > java.time.Duration.ofHours(1).toMillis()) {
                        Files.deleteIfExists(f);
                    }
                } else if (!f.equals(keep)) {
                    entries.add(new Entry(f, a.size(), used));
                }
            }
            entries.sort(java.util.Comparator.comparingLong(Entry::used).reversed());
            long total = Files.exists(keep, LinkOption.NOFOLLOW_LINKS) ? Files.size(keep) : 0;
            for (Entry e : entries) {
                total += e.size();
                if (total > limit || now.toEpochMilli() - e.used() > MAX_UNUSED.toMillis()) {
                    Files.deleteIfExists(e.path());
                    total -= e.size();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Pruning again at the next write.
        }
    }


    /** The {@link ContentCheck} value of {@code length} bytes of {@code data}. */
    static byte[] check(byte[] data, int length) {
        return ContentCheck.of(data, length);
    }

    static byte[] check(byte[] data) {
        return check(data, data.length);
    }

    /** The {@link #check} value of kconfig4j's own code: its jar, or every file of its classes directory. */
    static byte[] self() throws IOException {
        byte[] known = selfDigest;
        if (known != null) {
            return known;
        }
        ContentCheck digest = new ContentCheck();
        Path code;
        try {
            code = Path.of(TreeSnapshot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IOException("cannot locate kconfig4j's code: " + e);
        }
        if (Files.isDirectory(code)) {
            try (Stream<Path> walk = Files.walk(code)) {
                for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                    byte[] name = code.relativize(p).toString().getBytes(StandardCharsets.UTF_8);
                    digest.update(name, 0, name.length);
                    byte[] content = Files.readAllBytes(p);
                    digest.update(content, 0, content.length);
                }
            }
        } else {
            try (InputStream in = Files.newInputStream(code)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0;) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        known = digest.value();
        selfDigest = known;
        return known;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // the format: strings once each (then by index), symbols by id, tagged statements and expressions
    // ------------------------------------------------------------------------------------------

    private static final class Writer implements java.io.Closeable {
        /** In memory (the header): where the bytes are; null for a file. */
        private final ByteArrayOutputStream buffer;
        private final OutputStream sink;
        private final ContentCheck check = new ContentCheck();
        final DataOutputStream out;
        private final Map<String, Integer> strings = new HashMap<>();

        /** Into memory ({@link #toByteArray}). */
        Writer() {
            buffer = new ByteArrayOutputStream(1 << 12);
            sink = buffer;
            out = new DataOutputStream(buffer);
        }

        /** Into {@code file}, through a buffer, checking what passes ({@link #finish} appends the check). */
        Writer(OutputStream file) {
            buffer = null;
            sink = file;
            out = new DataOutputStream(new ByteSink(file, check));
        }

        byte[] toByteArray() throws IOException {
            out.flush();
            return buffer.toByteArray();
        }

        /** Appends the check of everything written (the snapshot's last ContentCheck.LENGTH bytes). */
        void finish() throws IOException {
            out.flush();
            sink.write(check.value());
        }

        @Override
        public void close() throws IOException {
            sink.close();
        }

        void bytes(byte[] b) throws IOException {
            out.writeInt(b.length);
            out.write(b);
        }

        void string(String s) throws IOException {
            if (s == null) {
                out.writeInt(-2);
                return;
            }
            Integer index = strings.get(s);
            if (index != null) {
                out.writeInt(index);
                return;
            }
            strings.put(s, strings.size());
            out.writeInt(-1);
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        void diagnostics(List<Diagnostic> list) throws IOException {
            out.writeInt(list.size());
            for (Diagnostic d : list) {
                diagnostic(d);
            }
        }

        void diagnostic(Diagnostic d) throws IOException {
            string(d.severity().name());
            string(d.file());
            out.writeInt(d.line());
            string(d.message());
            string(d.text());
        }

        void location(Location l) throws IOException {
            string(l.file());
            out.writeInt(l.line());
        }

        void name(Name s) throws IOException {
            out.writeInt(s == null ? -1 : s.id());
        }

        void statements(List<Statement> list) throws IOException {
            out.writeInt(list.size());
            for (Statement s : list) {
                statement(s);
            }
        }

        void statement(Statement s) throws IOException {
            if (s instanceof Statement.MainMenu m) {
                out.writeByte(1);
                location(m.location());
                string(m.prompt());
            } else if (s instanceof Statement.Config c) {
                out.writeByte(2);
                location(c.location());
                name(c.name());
                out.writeBoolean(c.menuconfig());
                attributes(c.attributes());
            } else if (s instanceof Statement.Choice c) {
                out.writeByte(3);
                location(c.location());
                name(c.name());
                attributes(c.attributes());
                statements(c.body());
            } else if (s instanceof Statement.MenuBlock m) {
                out.writeByte(4);
                location(m.location());
                string(m.prompt());
                attributes(m.attributes());
                statements(m.body());
            } else if (s instanceof Statement.Comment c) {
                out.writeByte(5);
                location(c.location());
                string(c.prompt());
                attributes(c.attributes());
            } else if (s instanceof Statement.If i) {
                out.writeByte(6);
                location(i.location());
                expr(i.condition());
                statements(i.body());
            } else if (s instanceof Statement.Source src) {
                out.writeByte(7);
                location(src.location());
                string(src.path());
                statements(src.body());
            } else {
                throw new IllegalStateException("no snapshot format for " + s.getClass());
            }
        }

        void attributes(List<Attribute> list) throws IOException {
            out.writeInt(list.size());
            for (Attribute a : list) {
                attribute(a);
            }
        }

        void attribute(Attribute a) throws IOException {
            if (a instanceof Attribute.TypeDecl t) {
                out.writeByte(1);
                location(t.location());
                type(t.type());
                string(t.prompt());
                expr(t.condition());
            } else if (a instanceof Attribute.Prompt p) {
                out.writeByte(2);
                location(p.location());
                string(p.text());
                expr(p.condition());
            } else if (a instanceof Attribute.Default d) {
                out.writeByte(3);
                location(d.location());
                expr(d.value());
                expr(d.condition());
                type(d.type());
            } else if (a instanceof Attribute.DependsOn d) {
                out.writeByte(4);
                location(d.location());
                expr(d.condition());
            } else if (a instanceof Attribute.Select s) {
                out.writeByte(5);
                location(s.location());
                name(s.target());
                expr(s.condition());
            } else if (a instanceof Attribute.Imply i) {
                out.writeByte(6);
                location(i.location());
                name(i.target());
                expr(i.condition());
            } else if (a instanceof Attribute.Range r) {
                out.writeByte(7);
                location(r.location());
                name(r.low());
                name(r.high());
                expr(r.condition());
            } else if (a instanceof Attribute.Help h) {
                out.writeByte(8);
                location(h.location());
                string(h.text());
            } else if (a instanceof Attribute.VisibleIf v) {
                out.writeByte(9);
                location(v.location());
                expr(v.condition());
            } else if (a instanceof Attribute.Flag f) {
                out.writeByte(10);
                location(f.location());
                out.writeInt(f.kind().ordinal());
                string(f.value());
            } else {
                throw new IllegalStateException("no snapshot format for " + a.getClass());
            }
        }

        void type(Type t) throws IOException {
            out.writeInt(t == null ? -1 : t.ordinal());
        }

        void expr(Expr e) throws IOException {
            if (e == null) {
                out.writeByte(0);
            } else if (e instanceof Expr.Sym s) {
                out.writeByte(1);
                name(s.name());
            } else if (e instanceof Expr.Not n) {
                out.writeByte(2);
                expr(n.operand());
            } else if (e instanceof Expr.And a) {
                out.writeByte(3);
                expr(a.left());
                expr(a.right());
            } else if (e instanceof Expr.Or o) {
                out.writeByte(4);
                expr(o.left());
                expr(o.right());
            } else if (e instanceof Expr.Compare c) {
                out.writeByte(5);
                out.writeInt(c.op().ordinal());
                name(c.left());
                name(c.right());
            } else {
                throw new IllegalStateException("no snapshot format for " + e.getClass());
            }
        }
    }

    /** {@code length} bytes of an open file from {@code position}, read without moving its position. */
    private static final class Slice extends InputStream {
        private final java.nio.channels.FileChannel channel;
        private final long end;
        private long position;

        Slice(java.nio.channels.FileChannel channel, long position, long length) {
            this.channel = channel;
            this.position = position;
            this.end = position + length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (position >= end) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
            if (n <= 0) {
                throw new IOException("snapshot cut short");
            }
            position += n;
            return n;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, end - position);
        }
    }

    private static final class Reader {
        final ByteBuffer in;
        private final List<String> strings = new ArrayList<>();
        private byte[] scratch = new byte[1 << 12];
        Name[] names;

        Reader(ByteBuffer in) {
            this.in = in;
        }

        byte[] bytes() {
            int n = in.getInt();
            if (n < 0 || n > in.remaining()) {
                throw new IllegalArgumentException("bad length " + n);
            }
            byte[] b = new byte[n];
            in.get(b);
            return b;
        }

        String string() {
            int i = in.getInt();
            if (i == -2) {
                return null;
            }
            if (i == -1) {
                String s = text(in.getInt());
                strings.add(s);
                return s;
            }
            return strings.get(i);
        }

        /**
         * The next {@code n} bytes as UTF-8 text, decoded through one scratch array: a new array
         * per string would be a tenth of what a warm load allocates, all of it garbage at once.
         */
        private String text(int n) {
            if (n < 0 || n > in.remaining()) {
                throw new IllegalArgumentException("bad length " + n);
            }
            if (n > scratch.length) {
                scratch = new byte[Math.max(n, scratch.length * 2)];
            }
            in.get(scratch, 0, n);
            return new String(scratch, 0, n, StandardCharsets.UTF_8);
        }

        Location location() {
            return new Location(string(), in.getInt());
        }

        Diagnostic diagnostic() {
            return new Diagnostic(Diagnostic.Severity.valueOf(string()), string(), in.getInt(), string(), string());
        }

        Name name() {
            int id = in.getInt();
            return id < 0 ? null : names[id];
        }

        Type type() {
            int t = in.getInt();
            return t < 0 ? null : Type.values()[t];
        }

        List<Statement> statements() {
            return list(this::statement);
        }

        /** A count, then that many elements. */
        <T> List<T> list(java.util.function.Supplier<T> element) {
            int n = in.getInt();
            if (n < 0 || n > in.remaining()) {
                throw new IllegalArgumentException("bad count " + n);
            }
            // Immutable lists without a wrapper: the ~150,000 lists of a tree are a tenth of its heap.
            Object[] elements = new Object[n];
            for (int i = 0; i < n; i++) {
                elements[i] = element.get();
            }
            @SuppressWarnings("unchecked")
            List<T> list = (List<T>) List.of(elements);
            return list;
        }

        Statement statement() {
            int tag = in.get();
            Location l = location();
            return switch (tag) {
                case 1 -> new Statement.MainMenu(l, string());
                case 2 -> new Statement.Config(l, name(), in.get() != 0, attributes());
                case 3 -> new Statement.Choice(l, name(), attributes(), statements());
                case 4 -> new Statement.MenuBlock(l, string(), attributes(), statements());
                case 5 -> new Statement.Comment(l, string(), attributes());
                case 6 -> new Statement.If(l, expr(), statements());
                case 7 -> new Statement.Source(l, string(), statements());
                default -> throw new IllegalArgumentException("bad statement tag " + tag);
            };
        }

        List<Attribute> attributes() {
            return list(this::attribute);
        }

        Attribute attribute() {
            int tag = in.get();
            Location l = location();
            return switch (tag) {
                case 1 -> new Attribute.TypeDecl(l, type(), string(), expr());
                case 2 -> new Attribute.Prompt(l, string(), expr());
                case 3 -> new Attribute.Default(l, expr(), expr(), type());
                case 4 -> new Attribute.DependsOn(l, expr());
                case 5 -> new Attribute.Select(l, name(), expr());
                case 6 -> new Attribute.Imply(l, name(), expr());
                case 7 -> new Attribute.Range(l, name(), name(), expr());
                case 8 -> new Attribute.Help(l, string());
                case 9 -> new Attribute.VisibleIf(l, expr());
                case 10 -> new Attribute.Flag(l, Attribute.FlagKind.values()[in.getInt()], string());
                default -> throw new IllegalArgumentException("bad attribute tag " + tag);
            };
        }

        Expr expr() {
            int tag = in.get();
            return switch (tag) {
                case 0 -> null;
                case 1 -> Expr.sym(name());
                case 2 -> new Expr.Not(expr());
                case 3 -> new Expr.And(expr(), expr());
                case 4 -> new Expr.Or(expr(), expr());
                case 5 -> new Expr.Compare(Expr.CompareOp.values()[in.getInt()], name(), name());
                default -> throw new IllegalArgumentException("bad expression tag " + tag);
            };
        }
    }
}
