package dev.kconfig4j.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent cache of {@code $(shell,...)} results. Each "run" uses a fresh
 * {@link Preprocessor} (as a new process would) sharing one cache directory; commands append to a
 * counter file so a test can tell whether they really ran.
 */
class ProbeCacheTest {
    @TempDir
    Path temp;

    private Path objdir;
    private Path cacheDir;
    private Path counter;
    private final Map<String, String> environment = new HashMap<>();
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void setUp() throws IOException {
        objdir = Files.createDirectories(temp.resolve("obj"));
        cacheDir = temp.resolve("cache");
        counter = temp.resolve("counter");
        environment.put("PATH", "/usr/bin:/bin");
    }

    /** Expands {@code text} in a new preprocessor using {@code cache}, as one process would. */
    private String expand(ProbeCache cache, String text) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        Preprocessor preprocessor = new Preprocessor(environment, objdir,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                cache);
        return preprocessor.expand(text, "Kconfig", 1);
    }

    private String counted(String command) {
        return "$(shell,echo x >> " + counter + "; " + command + ")";
    }

    private long runs() throws IOException {
        return Files.exists(counter) ? Files.readAllLines(counter).size() : 0;
    }

    private Path script(String name, String body) throws IOException {
        Path script = temp.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private long entries() throws IOException {
        if (!Files.isDirectory(cacheDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".probe")).count();
        }
    }

    @Test
    void aHitDoesNotRunTheCommandAgain() throws IOException {
        String text = counted("echo hello");

        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("hello");
        ProbeCache second = ProbeCache.open(cacheDir);
        assertThat(expand(second, text)).isEqualTo("hello");

        assertThat(runs()).isEqualTo(1);
        assertThat(second.hits()).isEqualTo(1);
        assertThat(second.misses()).isZero();
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void aCommandThatDiedOfASignalIsNotRemembered() throws IOException {
        // As a pipeline under pipefail that grep -q closed early: status 141, an answer that may
        // differ next time.
        String text = counted("echo partial; kill -PIPE $$");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("partial");
        ProbeCache second = ProbeCache.open(cacheDir);
        assertThat(expand(second, text)).isEqualTo("partial");
        assertThat(runs()).isEqualTo(2);
        assertThat(second.hits()).isZero();
        assertThat(entries()).isZero();
    }

    @Test
    void theFirstRunIsAMiss() {
        ProbeCache cache = ProbeCache.open(cacheDir);
        expand(cache, counted("echo a"));
        assertThat(cache.hits()).isZero();
        assertThat(cache.misses()).isEqualTo(1);
        expand(cache, counted("echo a"));
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void stdoutAndStderrAreReplayedIdentically() throws IOException {
        // Trailing newlines, inner newlines, \r and bytes past a NUL: the kernel's rules apply to
        // the replayed bytes exactly as to fresh ones.
        String text = counted("printf 'a\\r\\nb\\n\\n'; printf 'warn 1\\nwarn 2' >&2");
        String fresh = expand(ProbeCache.disabled(), text);
        byte[] freshErr = err.toByteArray();

        expand(ProbeCache.open(cacheDir), text);
        String replayed = expand(ProbeCache.open(cacheDir), text);

        assertThat(replayed).isEqualTo(fresh).isEqualTo("a\r b");
        assertThat(err.toByteArray()).isEqualTo(freshErr)
                .isEqualTo("warn 1\nwarn 2".getBytes(StandardCharsets.UTF_8));
        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void theNulRuleAppliesToReplayedOutput() {
        String text = "$(shell,printf 'a\\n\\0b')";
        expand(ProbeCache.open(cacheDir), text);
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("a ");
    }

    @Test
    void changingTheEnvironmentInvalidates() throws IOException {
        String text = counted("echo $FOO");
        environment.put("FOO", "one");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("one");

        environment.put("FOO", "two");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("two");

        // A variable the command does not use counts as well: the whole environment is the key.
        environment.put("UNRELATED", "x");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("two");
        assertThat(runs()).isEqualTo(3);

        environment.remove("UNRELATED");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("two");
        assertThat(runs()).isEqualTo(3);
    }

    @Test
    void touchingANamedBinaryInvalidates() throws IOException {
        Path tool = script("tool", "echo \"$(cat " + temp.resolve("version") + ")\"");
        Files.writeString(temp.resolve("version"), "v1");
        String text = counted(tool.toString());
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("v1");
        Files.writeString(temp.resolve("version"), "v2");
        // What the tool reads is not part of the key (a documented limit) ...
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("v1");

        // ... but a new modification time of the tool itself is.
        Files.setLastModifiedTime(tool, FileTime.fromMillis(Files.getLastModifiedTime(tool).toMillis() - 10_000));
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("v2");
        assertThat(runs()).isEqualTo(2);

        // And so is its size, even with the modification time kept.
        FileTime mtime = Files.getLastModifiedTime(tool);
        Files.writeString(temp.resolve("version"), "v3");
        Files.writeString(tool, Files.readString(tool) + "# longer\n");
        Files.setLastModifiedTime(tool, mtime);
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("v3");
        assertThat(runs()).isEqualTo(3);
    }

    @Test
    void aToolFoundOnThePathIsPartOfTheKey() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        environment.put("PATH", bin + ":/usr/bin:/bin");
        Path tool = bin.resolve("mytool");
        Files.writeString(tool, "#!/bin/sh\necho one\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        String text = counted("mytool --version");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("one");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("one");
        assertThat(runs()).isEqualTo(1);

        Files.writeString(tool, "#!/bin/sh\necho second\n");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("second");
        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void aNamedToolThatAppearsInvalidates() throws IOException {
        Path tool = temp.resolve("later");
        String text = counted("test -x " + tool + " && echo yes || echo no");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("no");
        script("later", "true");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("yes");
        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void quotedPathsAreFingerprinted() throws IOException {
        Path tool = script("quoted", "echo q1");
        String text = counted("'" + tool + "'");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("q1");
        script("quoted", "echo q2-longer");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("q2-longer");
        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void theWorkingDirectoryIsPartOfTheKey() throws IOException {
        String text = counted("pwd");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo(objdir.toString());
        objdir = Files.createDirectories(temp.resolve("obj2"));
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo(objdir.toString());
        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void theDisabledCacheAlwaysRuns() throws IOException {
        ProbeCache cache = ProbeCache.disabled();
        String text = counted("echo d");
        assertThat(expand(cache, text)).isEqualTo("d");
        assertThat(expand(cache, text)).isEqualTo("d");
        assertThat(runs()).isEqualTo(2);
        assertThat(cache.isEnabled()).isFalse();
        assertThat(cache.hits()).isZero();
        assertThat(cache.misses()).isZero();
    }

    @Test
    void theExistingConstructorsUseNoCache() throws IOException {
        for (int i = 0; i < 2; i++) {
            Preprocessor preprocessor = new Preprocessor(environment, objdir, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(new ByteArrayOutputStream()));
            preprocessor.expand(counted("echo d"), "Kconfig", 1);
        }
        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void clearEmptiesTheCache() throws IOException {
        ProbeCache cache = ProbeCache.open(cacheDir);
        expand(cache, counted("echo a"));
        expand(cache, counted("echo b"));
        Path unrelated = Files.writeString(cacheDir.resolve("README"), "keep me");
        assertThat(entries()).isEqualTo(2);

        cache.clear();

        assertThat(entries()).isZero();
        assertThat(unrelated).exists();
        expand(cache, counted("echo a"));
        assertThat(runs()).isEqualTo(3);
    }

    @Test
    void clearOnAMissingDirectoryDoesNothing() {
        ProbeCache.open(cacheDir).clear();
        ProbeCache.disabled().clear();
        assertThat(cacheDir).doesNotExist();
    }

    @Test
    void aCorruptedEntryIsAMissAndIsOverwritten() throws IOException {
        String text = counted("echo good");
        expand(ProbeCache.open(cacheDir), text);
        Path entry;
        try (Stream<Path> files = Files.list(cacheDir)) {
            entry = files.filter(f -> f.toString().endsWith(".probe")).findFirst().orElseThrow();
        }
        byte[] good = Files.readAllBytes(entry);

        // A flipped byte in the stored output.
        byte[] flipped = good.clone();
        flipped[good.length - 40] ^= 1;
        Files.write(entry, flipped);
        ProbeCache cache = ProbeCache.open(cacheDir);
        assertThat(expand(cache, text)).isEqualTo("good");
        assertThat(cache.misses()).isEqualTo(1);
        assertThat(runs()).isEqualTo(2);
        assertThat(Files.readAllBytes(entry)).isEqualTo(good);

        // A truncated entry, and garbage.
        Files.write(entry, java.util.Arrays.copyOf(good, good.length / 2));
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("good");
        Files.writeString(entry, "garbage");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("good");
        Files.write(entry, new byte[0]);
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("good");
        assertThat(runs()).isEqualTo(5);

        // Repaired: the next run is a hit.
        cache = ProbeCache.open(cacheDir);
        assertThat(expand(cache, text)).isEqualTo("good");
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(runs()).isEqualTo(5);
    }

    @Test
    void anUnwritableDirectoryStillGivesResults() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-directory"), "");
        ProbeCache cache = ProbeCache.open(file.resolve("probes"));
        assertThat(expand(cache, counted("echo w"))).isEqualTo("w");
        assertThat(expand(cache, counted("echo w"))).isEqualTo("w");
        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void noTempFilesAreLeftBehind() throws IOException {
        ProbeCache cache = ProbeCache.open(cacheDir);
        for (int i = 0; i < 5; i++) {
            expand(cache, "$(shell,echo " + i + ")");
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .hasSize(5)
                    .allMatch(name -> name.matches("[0-9a-f]{64}\\.probe"));
        }
    }

    @Test
    void theWordsThatMayNameFiles() {
        assertThat(ProbeCache.namedWords("/usr/bin/gcc -Werror -x c /dev/null -o /dev/null 2>&1 >>'/tmp/log' ; echo y"))
                .containsExactly("/usr/bin/gcc", "-Werror", "-x", "c", "/dev/null", "-o", "/dev/null", "2", "echo", "y");
        assertThat(ProbeCache.namedWords("sh '/a b/c' \"$X\"|cat</in>|out`ls`"))
                .containsExactly("sh", "/a b/c", "$X", "cat", "/in", "ls");
    }

    @Test
    void defaultDirectory() {
        assertThat(ProbeCache.defaultDirectory(Map.of("KCONFIG4J_CACHE_DIR", "/c", "XDG_CACHE_HOME", "/x", "HOME", "/h")))
                .isEqualTo(Path.of("/c/probes"));
        assertThat(ProbeCache.defaultDirectory(Map.of("XDG_CACHE_HOME", "/x", "HOME", "/h")))
                .isEqualTo(Path.of("/x/kconfig4j/probes"));
        assertThat(ProbeCache.defaultDirectory(Map.of("XDG_CACHE_HOME", "", "HOME", "/h")))
                .isEqualTo(Path.of("/h/.cache/kconfig4j/probes"));
        assertThat(ProbeCache.defaultDirectory(Map.of("HOME", "/h")))
                .isEqualTo(Path.of("/h/.cache/kconfig4j/probes"));
    }

    // --- issue 14.3: a default-on cache never changes a result -------------------------------

    /** A fake compiler printing {@code version} for --version and -dumpversion. */
    private Path compiler(Path file, String version) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\ncase \"$1\" in --version) echo \"gcc (fake) " + version
                + "\";; *) echo " + version + ";; esac\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void aWrapperScriptWhoseTargetChangesInvalidates() throws IOException {
        Path real = compiler(temp.resolve("toolchain/real-gcc"), "11.0.0");
        Path wrapper = script("gcc-wrapper", "exec " + real + " \"$@\"");
        environment.put("CC", wrapper.toString());
        String text = counted("$CC -dumpversion");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("11.0.0");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("11.0.0");
        assertThat(runs()).isEqualTo(1);

        // The compiler behind the unchanged wrapper is upgraded: the wrapper's target is part of the key.
        compiler(real, "12.0.0");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("12.0.0");
        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void aWrapperRunningTheNextCompilerOnThePathInvalidates() throws IOException {
        // As /usr/lib/ccache/gcc does: the wrapper comes first on the PATH and runs the next gcc.
        Path wrappers = Files.createDirectories(temp.resolve("ccache"));
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path wrapper = wrappers.resolve("gcc");
        Files.writeString(wrapper, "#!/bin/sh\nPATH=" + bin + " exec gcc \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        compiler(bin.resolve("gcc"), "11.0.0");
        environment.put("PATH", wrappers + ":" + bin + ":/usr/bin:/bin");
        String text = counted("gcc -dumpversion");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("11.0.0");

        compiler(bin.resolve("gcc"), "12.0.0");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("12.0.0");
        assertThat(runs()).isEqualTo(2);
    }

    /**
     * Makes {@code $CC} a wrapper that runs the compiler named in a file it reads (a/gcc, version
     * 11.0.0; b/gcc, 12.0.0, once that file names it) and returns that file.
     */
    private Path wrapperReadingItsCompiler() throws IOException {
        compiler(temp.resolve("a/gcc"), "11.0.0");
        compiler(temp.resolve("b/gcc"), "12.0.0");
        Path choice = Files.writeString(temp.resolve("which"), temp.resolve("a/gcc").toString());
        Path wrapper = script("cc", "exec \"$(cat " + choice + ")\" \"$@\"");
        environment.put("CC", wrapper.toString());
        return choice;
    }

    @Test
    void aCompilerChangedWhereNoFileNamesItIsCaughtByItsVersionLine() throws IOException {
        // The wrapper finds its compiler in a file it reads: no fingerprint sees the change, but the
        // first line of $CC --version (the kernel's CC_VERSION_TEXT) does, as GCC_VERSION needs.
        Path choice = wrapperReadingItsCompiler();
        Path wrapper = Path.of(environment.get("CC"));
        String text = counted(wrapper + " -dumpversion | sed 's/\\.//g'");
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("1100");

        Files.writeString(choice, temp.resolve("b/gcc").toString());
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("1200");
        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void aVersionLinePreparedAheadGivesTheSameKeysAndStillSeesAChangedCompiler() throws IOException {
        // A warm load starts $CC --version before it needs a key (prepare): the keys must be those
        // of a cache that ran it at the first key, and a compiler changed since is still a miss.
        Path choice = wrapperReadingItsCompiler();
        Path wrapper = Path.of(environment.get("CC"));
        String command = "echo x >> " + counter + "; " + wrapper + " -dumpversion";
        byte[] atFirstKey = ProbeCache.open(cacheDir).key(command, environment, objdir);
        ProbeCache prepared = ProbeCache.open(cacheDir);
        prepared.prepare(environment, objdir);
        assertThat(prepared.key(command, environment, objdir)).isEqualTo(atFirstKey);

        String text = "$(shell," + command + ")";
        ProbeCache first = ProbeCache.open(cacheDir);
        first.prepare(environment, objdir);
        assertThat(expand(first, text)).isEqualTo("11.0.0");
        Files.writeString(choice, temp.resolve("b/gcc").toString());
        ProbeCache second = ProbeCache.open(cacheDir);
        second.prepare(environment, objdir);
        assertThat(second.key(command, environment, objdir)).isNotEqualTo(atFirstKey);
        assertThat(expand(second, text)).isEqualTo("12.0.0");
        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void probesCheckedTogetherAreAnsweredAsEachAlone() throws IOException {
        // answersAll looks each named file up once for the whole batch; the answers (and so the
        // keys) must be those of checking each probe on its own, a changed tool included.
        Path tool = script("tool", "echo t1");
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path onPath = bin.resolve("helper");
        Files.writeString(onPath, "#!/bin/sh\necho h\n");
        Files.setPosixFilePermissions(onPath, PosixFilePermissions.fromString("rwxr-xr-x"));
        environment.put("PATH", bin + ":/usr/bin:/bin");
        List<String> commands = List.of(tool.toString(), "helper -x c", tool + " && helper", "echo plain");
        ProbeCache cache = ProbeCache.open(cacheDir);
        List<Preprocessor.ProbeRun> runs = new java.util.ArrayList<>();
        for (String command : commands) {
            Preprocessor preprocessor = new Preprocessor(environment, objdir,
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), cache);
            preprocessor.expand("$(shell," + command + ")", "Kconfig", 1);
            runs.addAll(preprocessor.probeRuns());
        }
        assertThat(runs).hasSize(commands.size());
        ProbeCache later = ProbeCache.open(cacheDir);
        assertThat(later.answersAll(runs, environment, objdir)).isTrue();
        for (Preprocessor.ProbeRun run : runs) {
            assertThat(later.answers(run.command(), environment, objdir, run.stdout(), run.stderr())).isTrue();
        }

        script("tool", "echo t2");
        ProbeCache changed = ProbeCache.open(cacheDir);
        assertThat(changed.answersAll(runs, environment, objdir)).isFalse();
        assertThat(changed.answersAll(runs.subList(1, 2), environment, objdir)).isTrue();
        assertThat(changed.answersAll(runs.subList(3, 4), environment, objdir)).isTrue();
    }

    @Test
    void preparingWithoutACompilerOrWithoutACacheRunsNothing() throws IOException {
        Path ranLog = temp.resolve("ran");
        Path cc = script("cc", "echo ran >> " + ranLog + "; echo gcc 1");
        environment.put("CC", cc.toString());
        ProbeCache.disabled().prepare(environment, objdir);
        environment.put("CC", " ");
        ProbeCache.open(cacheDir).prepare(environment, objdir);
        environment.remove("CC");
        ProbeCache.open(cacheDir).prepare(environment, objdir);
        // Started after the others: once its key is there, any of theirs would have run too.
        environment.put("CC", cc.toString());
        ProbeCache witness = ProbeCache.open(cacheDir);
        witness.prepare(environment, objdir);
        witness.key("true", environment, objdir);
        assertThat(Files.readAllLines(ranLog)).containsExactly("ran");
    }

    @Test
    void aScriptChangedWithItsSizeAndTimeKeptInvalidates() throws IOException {
        Path tool = script("same-size", "echo aaa");
        FileTime mtime = Files.getLastModifiedTime(tool);
        String text = counted(tool.toString());
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("aaa");

        script("same-size", "echo bbb");
        Files.setLastModifiedTime(tool, mtime);
        assertThat(expand(ProbeCache.open(cacheDir), text)).isEqualTo("bbb");
        assertThat(runs()).isEqualTo(2);
    }

    // --- issue 14.4: a cache trusts only what this user alone could have written ----------------

    private Path onlyEntry() throws IOException {
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.filter(f -> f.toString().endsWith(".probe")).findFirst().orElseThrow();
        }
    }

    @Test
    void theDirectoryIsCreatedPrivate() throws IOException {
        expand(ProbeCache.open(cacheDir), "$(shell,echo p)");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir))).isEqualTo("rwx------");
    }

    @Test
    void anEntryOthersCanWriteIsIgnoredWithAWarning() throws IOException {
        String text = counted("echo real");
        expand(ProbeCache.open(cacheDir), text);
        Path entry = onlyEntry();
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-rw-"));

        ProbeCache cache = ProbeCache.open(cacheDir, new PrintStream(new ByteArrayOutputStream()));
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        cache = ProbeCache.open(cacheDir, new PrintStream(warnings, true, StandardCharsets.UTF_8));
        assertThat(expand(cache, text)).isEqualTo("real");
        assertThat(cache.hits()).isZero();
        assertThat(runs()).isEqualTo(2);
        assertThat(warnings.toString(StandardCharsets.UTF_8)).contains(entry.toString()).contains("mode 0666");
    }

    @Test
    void anEntryOwnedByAnotherUserIsIgnored() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.kconfig4j.cache.CacheRoot.currentUid() == 0,
                "only root can give a file to another user");
        String text = counted("echo mine");
        expand(ProbeCache.open(cacheDir), text);
        Path entry = onlyEntry();
        // Another user's forged entry, in place of ours.
        Files.setAttribute(entry, "unix:uid", 4242);

        ProbeCache cache = ProbeCache.open(cacheDir, new PrintStream(new ByteArrayOutputStream()));
        assertThat(expand(cache, text)).isEqualTo("mine");
        assertThat(cache.hits()).isZero();
        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void aSymbolicLinkForAnEntryIsIgnored() throws IOException {
        String text = counted("echo linked");
        expand(ProbeCache.open(cacheDir), text);
        Path entry = onlyEntry();
        Path elsewhere = Files.move(entry, temp.resolve("elsewhere"));
        Files.createSymbolicLink(entry, elsewhere);

        ProbeCache cache = ProbeCache.open(cacheDir, new PrintStream(new ByteArrayOutputStream()));
        assertThat(expand(cache, text)).isEqualTo("linked");
        assertThat(cache.hits()).isZero();
    }

    @Test
    void aDirectoryOthersCanWriteDisablesTheCacheWithAWarning() throws IOException {
        Path shared = Files.createDirectories(temp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        ProbeCache cache = ProbeCache.forEnvironment(Map.of("KCONFIG4J_CACHE_DIR", shared.toString()),
                new PrintStream(warnings, true, StandardCharsets.UTF_8));
        assertThat(cache.isEnabled()).isFalse();
        assertThat(warnings.toString(StandardCharsets.UTF_8)).contains(shared.toString())
                .contains("can be written by other users");

        // A fresh directory is made private, and used.
        ProbeCache fresh = ProbeCache.forEnvironment(Map.of("KCONFIG4J_CACHE_DIR", temp.resolve("mine").toString()),
                new PrintStream(new ByteArrayOutputStream()));
        assertThat(fresh.isEnabled()).isTrue();
        assertThat(fresh.directory()).isEqualTo(temp.resolve("mine/probes"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("mine"))))
                .isEqualTo("rwx------");
    }
}
