package dev.kconfig4j.snapshot;

import dev.kconfig4j.cache.CacheRoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.preprocess.ProbeCache;
import dev.kconfig4j.symbol.Configuration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots of parsed trees: a second load of an unchanged tree comes from the snapshot and gives
 * the same tree and the same output; any change the snapshot depends on makes the next load parse
 * anew; a damaged or foreign snapshot is never used. Each "run" is a new load, as a new process
 * would do, sharing one cache directory.
 */
class TreeSnapshotTest {
    @TempDir
    Path temp;

    private Path srctree;
    private Path objdir;
    private Path cacheRoot;
    private Path compiler;
    private final Map<String, String> environment = new HashMap<>();
    private String out;
    private String err;

    @BeforeEach
    void setUp() throws IOException {
        srctree = Files.createDirectories(temp.resolve("linux"));
        objdir = Files.createDirectories(temp.resolve("obj"));
        cacheRoot = temp.resolve("cache");
        compiler = Files.createDirectories(temp.resolve("toolchain")).resolve("gcc-real");
        setCompiler("11.2.0");
        Path wrapper = temp.resolve("toolchain/gcc");
        Files.writeString(wrapper, "#!/bin/sh\nexec " + compiler + " \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(srctree.resolve("Kconfig"), """
                mainmenu "Test $(ARCH)"
                config GCC_VERSION
                \tint
                \tdefault $(shell,$(CC) -dumpversion | tr -d .)
                $(info,parsing for $(ARCH))
                config FOO
                \tbool "foo"
                \tdefault y if GCC_VERSION > 1000
                source "sub/Kconfig"
                """);
        Files.createDirectories(srctree.resolve("sub"));
        Files.writeString(srctree.resolve("sub/Kconfig"), """
                config BAR
                \tstring "bar"
                \tdefault "$(BARVAL)"
                \tdepends on FOO && !BAZ
                config BAZ
                \ttristate
                \tselect FOO
                """);
        environment.put("PATH", "/usr/bin:/bin");
        environment.put("ARCH", "x86");
        environment.put("CC", wrapper.toString());
        environment.put("BARVAL", "one");
    }

    private void setCompiler(String version) throws IOException {
        Files.writeString(compiler, "#!/bin/sh\necho " + version + "\n");
        Files.setPosixFilePermissions(compiler, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Kconfig load() {
        return load(true);
    }

    /** A load keeping the syntax tree (built again from a snapshot's) or not (the snapshot's built tree). */
    private Kconfig load(boolean keepsSyntax) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8);
        Kconfig.Options options = new Kconfig.Options(srctree, "Kconfig", environment, objdir, null,
                ProbeCache.open(cacheRoot.resolve("probes"), pe), null);
        Kconfig tree = Kconfig.load(keepsSyntax ? options : options.withoutSyntax(), po, pe);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return tree;
    }

    private static String value(Kconfig tree, String name) {
        Configuration config = tree.newConfiguration();
        config.computeAll();
        return config.string(tree.symbols().find(name));
    }

    private Path snapshotFile() throws IOException {
        try (Stream<Path> files = Files.list(cacheRoot.resolve("snapshots"))) {
            return files.filter(f -> f.toString().endsWith(".snapshot")).findFirst().orElseThrow();
        }
    }

    @Test
    void anUnchangedTreeComesFromItsSnapshotWithTheSameResult() {
        Kconfig parsed = load();
        String firstOut = out;
        assertThat(parsed.fromSnapshot()).isFalse();
        assertThat(firstOut).isEqualTo("parsing for x86\n");

        Kconfig again = load();
        assertThat(again.fromSnapshot()).isTrue();
        assertThat(out).isEqualTo(firstOut); // what the parse printed is printed again
        assertThat(value(again, "GCC_VERSION")).isEqualTo("1120");
        assertThat(value(again, "BAR")).isEqualTo("one");
        assertThat(again.mainMenu()).isEqualTo(parsed.mainMenu());
        assertThat(again.usedEnvironment()).isEqualTo(parsed.usedEnvironment());
        assertThat(again.menusInOrder()).hasSameSizeAs(parsed.menusInOrder());
        assertThat(again.syntax().toString()).isEqualTo(parsed.syntax().toString());
        for (var s : parsed.symbols().all()) {
            assertThat(again.symbols().all().get(s.id()).name()).isEqualTo(s.name());
        }
    }

    @Test
    void aLoadFromTheSnapshotReportsTheSameDiagnosticsAsAParse() throws IOException {
        // Warnings of the parse (the preprocessor's, the lexer's) and of building the menus.
        Files.writeString(srctree.resolve("Kconfig"), Files.readString(srctree.resolve("Kconfig"))
                + "$(warning-if,y,careful)\nconfig QUX\n\tbool \"qux\" ~\n\tselect GCC_VERSION\n");
        Kconfig parsed = load();
        String firstOut = out;
        String firstErr = err;
        assertThat(parsed.fromSnapshot()).isFalse();
        assertThat(parsed.diagnostics()).extracting(Diagnostic::severity, Diagnostic::file, Diagnostic::line,
                Diagnostic::text).containsExactly(
                        tuple(Diagnostic.Severity.WARNING, "Kconfig", 10, "Kconfig:10: careful"),
                        tuple(Diagnostic.Severity.WARNING, "Kconfig", 12, "Kconfig:12:warning: ignoring unsupported character '~'"),
                        tuple(Diagnostic.Severity.WARNING, "Kconfig", 13, "Kconfig:13:warning: 'GCC_VERSION' has wrong type."
                                + " 'select' only accept arguments of bool and tristate type"));

        assertLoadedAgainAlike(parsed, firstOut, firstErr);
    }

    /** A second load comes from the snapshot and reports and prints exactly what the first did. */
    private void assertLoadedAgainAlike(Kconfig parsed, String firstOut, String firstErr) {
        Kconfig again = load();
        assertThat(again.fromSnapshot()).isTrue();
        assertThat(again.diagnostics()).isEqualTo(parsed.diagnostics());
        assertThat(err).isEqualTo(firstErr);
        assertThat(out).isEqualTo(firstOut);
    }

    @Test
    void theChecksOfTheBuiltTreeAreRecordedNotRepeated() throws IOException {
        // A ModTests note (standard output), a PropertyCheck warning: reported by the parse's
        // load, then from the snapshot in the same place among the build's own diagnostics.
        Files.writeString(srctree.resolve("Kconfig"), Files.readString(srctree.resolve("Kconfig"))
                + "config B1\n\tbool \"b1\"\n\tdepends on FOO = m\n"
                + "config QUX\n\tbool \"qux\"\n\tselect GCC_VERSION\n");
        Kconfig parsed = load();
        assertThat(parsed.diagnostics()).extracting(Diagnostic::text)
                .anyMatch(t -> t.contains("has wrong type"))
                .anyMatch(t -> t.contains("boolean symbol FOO tested for 'm'"));
        assertLoadedAgainAlike(parsed, out, err);
    }

    @Test
    void aLoadWithoutTheSyntaxTreeTakesTheBuiltTreeFromTheSnapshot() throws IOException {
        // conf keeps no syntax tree: a warm load reads the built tree itself, with what building
        // and checking it reported, and gives the same tree, output and diagnostics.
        Files.writeString(srctree.resolve("Kconfig"), Files.readString(srctree.resolve("Kconfig"))
                + "config B1\n\tbool \"b1\"\n\tdepends on FOO = m\n"
                + "config QUX\n\tbool \"qux\"\n\tselect GCC_VERSION\n\tselect FOO\n");
        Kconfig parsed = load(false);
        String firstOut = out;
        String firstErr = err;
        assertThat(parsed.fromSnapshot()).isFalse();
        Kconfig again = load(false);
        assertThat(again.fromSnapshot()).isTrue();
        assertThat(again.diagnostics()).isEqualTo(parsed.diagnostics());
        assertThat(out).isEqualTo(firstOut);
        assertThat(err).isEqualTo(firstErr);
        assertThat(again.filesRead()).isEqualTo(parsed.filesRead());
        assertThat(again.menusInOrder()).extracting(Object::toString)
                .containsExactlyElementsOf(parsed.menusInOrder().stream().map(Object::toString).toList());
        assertThat(value(again, "GCC_VERSION")).isEqualTo("1120");
        assertThat(value(again, "BAR")).isEqualTo("one");
        // (Each tree has names of its own: expressions compare as text.)
        assertThat(again.symbols().find("FOO").reverseDependency()).hasToString(
                parsed.symbols().find("FOO").reverseDependency().toString());
        org.assertj.core.api.Assertions.assertThatThrownBy(again::syntax).isInstanceOf(IllegalStateException.class);
        // The same snapshot serves a load that keeps the syntax tree.
        Kconfig withSyntax = load(true);
        assertThat(withSyntax.fromSnapshot()).isTrue();
        assertThat(withSyntax.diagnostics()).isEqualTo(parsed.diagnostics());
        assertThat(withSyntax.syntax()).isNotEmpty();
        // And a changed file is still seen.
        Path sub = srctree.resolve("sub/Kconfig");
        Files.writeString(sub, Files.readString(sub).replace("\"bar\"", "\"BAR\""));
        Kconfig changed = load(false);
        assertThat(changed.fromSnapshot()).isFalse();
        assertThat(changed.symbols().find("BAR").prompts().get(0).text()).isEqualTo("BAR");
    }

    @Test
    void aTreeThatFailsItsChecksHasNoSnapshot() throws IOException {
        Files.writeString(srctree.resolve("Kconfig"), Files.readString(srctree.resolve("Kconfig"))
                + "config LOOP_A\n\tbool\n\tdepends on LOOP_B\nconfig LOOP_B\n\tbool\n\tdepends on LOOP_A\n");
        for (int i = 0; i < 2; i++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(this::load)
                    .isInstanceOf(dev.kconfig4j.diagnostic.KconfigException.class);
        }
        assertThat(Files.exists(cacheRoot.resolve("snapshots"))
                && Files.list(cacheRoot.resolve("snapshots")).anyMatch(f -> f.toString().endsWith(".snapshot")))
                .isFalse();
    }

    @Test
    void aStaleSnapshotShowsNothingOfTheTreeItBuiltMeanwhile() throws IOException {
        // The menus of a snapshot's parse are built while its files are checked: when a file
        // changed, nothing of that build (its warnings, its checks' findings) may show.
        Path top = srctree.resolve("Kconfig");
        String original = Files.readString(top);
        Files.writeString(top, original + "config QUX\n\tbool \"qux\"\n\tselect GCC_VERSION\n");
        load();
        assertThat(err).contains("has wrong type");
        Files.writeString(top, original + "config QUX\n\tbool \"qux\"\n");
        Kconfig tree = load();
        assertThat(tree.fromSnapshot()).isFalse();
        assertThat(err).doesNotContain("has wrong type");
        assertThat(tree.diagnostics()).extracting(Diagnostic::text).noneMatch(t -> t.contains("has wrong type"));
        assertThat(out).isEqualTo("parsing for x86\n");
    }

    @Test
    void aChangedKconfigFileIsParsedAnew() throws IOException {
        load();
        Path sub = srctree.resolve("sub/Kconfig");
        FileTime mtime = Files.getLastModifiedTime(sub);
        // Same size, same modification time: only the content tells.
        Files.writeString(sub, Files.readString(sub).replace("\"bar\"", "\"BAR\""));
        Files.setLastModifiedTime(sub, mtime);
        Kconfig tree = load();
        assertThat(tree.fromSnapshot()).isFalse();
        assertThat(tree.symbols().find("BAR").prompts().get(0).text()).isEqualTo("BAR");
        assertThat(load().fromSnapshot()).isTrue();
    }

    @Test
    void aFileAppearingInTheWorkingDirectoryIsParsedAnew() throws IOException {
        // conf looks for sourced files in the working directory first.
        load();
        Files.createDirectories(objdir.resolve("sub"));
        Files.writeString(objdir.resolve("sub/Kconfig"), "config SHADOW\n\tbool\n");
        Kconfig tree = load();
        assertThat(tree.fromSnapshot()).isFalse();
        assertThat(tree.symbols().find("SHADOW")).isNotNull();
    }

    @Test
    void aChangedEnvironmentVariableIsParsedAnew() {
        load();
        environment.put("BARVAL", "two");
        Kconfig tree = load();
        assertThat(tree.fromSnapshot()).isFalse();
        assertThat(value(tree, "BAR")).isEqualTo("two");
    }

    @Test
    void aCompilerChangedBehindAWrapperIsParsedAnew() throws IOException {
        assertThat(value(load(), "GCC_VERSION")).isEqualTo("1120");
        setCompiler("12.1.0");
        Kconfig tree = load();
        assertThat(tree.fromSnapshot()).isFalse();
        assertThat(value(tree, "GCC_VERSION")).isEqualTo("1210");
    }

    @Test
    void aDamagedSnapshotIsIgnoredWithAWarningAndRewritten() throws IOException {
        load();
        Path snapshot = snapshotFile();
        byte[] good = Files.readAllBytes(snapshot);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x20;
        Files.write(snapshot, bad);
        Kconfig tree = load();
        assertThat(tree.fromSnapshot()).isFalse();
        assertThat(err).contains(snapshot.toString()).contains("damaged");
        // The warning is also a value the tree keeps, as every warning of a load.
        assertThat(tree.diagnostics()).anyMatch(d -> d.severity() == dev.kconfig4j.diagnostic.Diagnostic.Severity.WARNING
                && d.text().equals("kconfig4j: warning: snapshot " + snapshot + " is damaged (checksum); not used"));
        assertThat(value(tree, "GCC_VERSION")).isEqualTo("1120");
        assertThat(java.util.Arrays.equals(Files.readAllBytes(snapshot), good)).as("rewritten as it was").isTrue();

        Files.write(snapshot, java.util.Arrays.copyOf(good, 100));
        assertThat(load().fromSnapshot()).isFalse();
        assertThat(load().fromSnapshot()).isTrue();
    }

    @Test
    void aSnapshotOthersCanWriteIsNeverTrusted() throws IOException {
        load();
        Path snapshot = snapshotFile();
        Files.setPosixFilePermissions(snapshot, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(load().fromSnapshot()).isFalse();
    }

    @Test
    void aSnapshotOwnedByAnotherUserIsNeverTrusted() throws IOException {
        Assumptions.assumeTrue(CacheRoot.currentUid() == 0, "only root can give a file to another user");
        load();
        Path snapshot = snapshotFile();
        Files.setAttribute(snapshot, "unix:uid", 4242);
        Kconfig tree = load();
        assertThat(tree.fromSnapshot()).isFalse();
        assertThat(err).contains(snapshot.toString()).contains("uid 4242");
        assertThat(value(tree, "GCC_VERSION")).isEqualTo("1120");
    }

    @Test
    void noSnapshotWithoutTheProbeCacheOrWhenTurnedOff() {
        Kconfig.Options options = new Kconfig.Options(srctree, "Kconfig", environment, objdir, null, null, null);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Kconfig.load(options, quiet, quiet);
        assertThat(Kconfig.load(options, quiet, quiet).fromSnapshot()).isFalse();

        environment.put("KCONFIG4J_SNAPSHOTS", "off");
        load();
        assertThat(load().fromSnapshot()).isFalse();
        assertThat(cacheRoot.resolve("snapshots")).doesNotExist();
    }

    @Test
    void writingASnapshotRemovesTheLeastRecentlyUsedBeyondTheLimitAndAnyUnusedForThirtyDays() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("snapshots"));
        java.time.Instant now = java.time.Instant.parse("2026-12-01T12:00:00Z");
        Path written = old(dir, "a", 3, now);
        Path recent = old(dir, "b", 3, now.minusSeconds(60));
        Path older = old(dir, "c", 3, now.minusSeconds(3600));
        Path oldest = old(dir, "d", 3, now.minusSeconds(7200));
        Path forgotten = old(dir, "e", 1, now.minus(java.time.Duration.ofDays(31)));
        Path staleTemp = old(dir, ".snapshot-tmp-1", 1, now.minusSeconds(7200));
        Path freshTemp = old(dir, ".snapshot-tmp-2", 1, now.minusSeconds(60));
        Path other = old(dir, "notes.txt", 50, now.minus(java.time.Duration.ofDays(400)));

        TreeSnapshot.prune(dir, written, 10L << 20, now);

        assertThat(written).exists(); // the one just written: 3 MiB
        assertThat(recent).exists(); // 6 MiB
        assertThat(older).exists(); // 9 MiB
        assertThat(oldest).doesNotExist(); // would make 12 MiB
        assertThat(forgotten).doesNotExist(); // small, but unused for 31 days
        assertThat(staleTemp).doesNotExist();
        assertThat(freshTemp).exists(); // may be a write in progress
        assertThat(other).exists(); // not a snapshot: never touched

        TreeSnapshot.prune(dir, written, 1L << 20, now);
        assertThat(written).exists(); // kept even alone over the limit
        assertThat(recent).doesNotExist();
        assertThat(older).doesNotExist();
    }

    @Test
    void aSnapshotReadCountsAsAUseAndTheLimitComesFromTheEnvironment() throws IOException {
        load();
        Path file = snapshotFile();
        Files.setLastModifiedTime(file, FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofDays(40))));
        assertThat(load().fromSnapshot()).isTrue();
        assertThat(Files.getLastModifiedTime(file).toInstant())
                .isAfter(java.time.Instant.now().minus(java.time.Duration.ofMinutes(5)));

        // A limit of 0 MiB keeps only the snapshot just written.
        environment.put("KCONFIG4J_SNAPSHOT_LIMIT_MIB", "0");
        assertThat(load().fromSnapshot()).isFalse(); // another environment: another snapshot
        try (Stream<Path> files = Files.list(cacheRoot.resolve("snapshots"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".snapshot"))).hasSize(1).doesNotContain(file);
        }
        assertThat(TreeSnapshot.limit(null)).isEqualTo(64L << 20);
        assertThat(TreeSnapshot.limit("junk")).isEqualTo(64L << 20);
    }

    /** A file named like a snapshot (hex digest of {@code seed}) unless named otherwise, of {@code mib} MiB, last used at {@code used}. */
    private static Path old(Path dir, String seed, int mib, java.time.Instant used) throws IOException {
        String name = seed.length() == 1 ? seed.repeat(64) + ".snapshot" : seed;
        Path f = dir.resolve(name);
        Files.write(f, new byte[mib << 20]);
        Files.setLastModifiedTime(f, FileTime.from(used));
        return f;
    }
}
