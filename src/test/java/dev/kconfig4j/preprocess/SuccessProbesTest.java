package dev.kconfig4j.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;

/**
 * The kernel's if-success probes run without the shell give the shell's answer, and their command
 * sees exactly what it sees under the shell: its words, input, directory and environment.
 */
class SuccessProbesTest {
    private static final String CC_OPTION =
            "{ trap \"rm -rf .tmp_$$\" EXIT; mkdir .tmp_$$; /usr/bin/gcc -Werror  -fcf-protection=branch -c -x c /dev/null"
                    + " -o .tmp_$$/tmp.o; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"";

    @Test
    void theKernelsFormsAreRecognised() {
        SuccessProbes.Probe p = SuccessProbes.parse(CC_OPTION);
        assertThat(p).isNotNull();
        assertThat(p.tempDirectory()).isTrue();
        assertThat(p.argv("T")).containsExactly("/usr/bin/gcc", "-Werror", "-fcf-protection=branch", "-c", "-x", "c",
                "/dev/null", "-o", "T/tmp.o");
        assertThat(p.input()).isNull();
        assertThat(text(p.success())).isEqualTo("y\n");
        assertThat(text(p.failure())).isEqualTo("n\n");

        SuccessProbes.Probe old = SuccessProbes.parse("{ mkdir .tmp_$$; trap \"rm -rf .tmp_$$\" EXIT; gcc -Werror"
                + " -fno-pie -c -x c /dev/null -o .tmp_$$/tmp.o; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"");
        assertThat(old.tempDirectory()).isTrue();
        assertThat(old.argv("T")).endsWith("T/tmp.o");

        SuccessProbes.Probe bit = SuccessProbes.parse(
                "{ gcc -Werror -m64 -E -x c /dev/null -o /dev/null; } >/dev/null 2>&1 && echo \"-m64\" || echo \"\"");
        assertThat(text(bit.success())).isEqualTo("-m64\n");
        assertThat(text(bit.failure())).isEqualTo("\n");
        assertThat(bit.tempDirectory()).isFalse();

        SuccessProbes.Probe goTo = SuccessProbes.parse("{ echo 'int foo(int x) { asm goto (\"\": \"=r\"(x) ::: bar);"
                + " return x; bar: return 0; }' | gcc -x c - -c -o /dev/null; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"");
        assertThat(text(goTo.input())).isEqualTo("int foo(int x) { asm goto (\"\": \"=r\"(x) ::: bar); return x; bar: return 0; }\n");
        assertThat(goTo.argv("")).containsExactly("gcc", "-x", "c", "-", "-c", "-o", "/dev/null");

        SuccessProbes.Probe asInstr = SuccessProbes.parse("{ printf \"%b\\n\" \"vpmovm2b %k1,%zmm5\" | gcc   -Wa,--fatal-warnings"
                + " -c -x assembler-with-cpp -o /dev/null -; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"");
        assertThat(text(asInstr.input())).isEqualTo("vpmovm2b %k1,%zmm5\n");

        SuccessProbes.Probe relr = SuccessProbes.parse("{ env \"CC=/x/gcc\" \"LD=/x/ld\" /s/tools-support-relr.sh; }"
                + " >/dev/null 2>&1 && echo \"y\" || echo \"n\"");
        assertThat(relr.argv("")).containsExactly("env", "CC=/x/gcc", "LD=/x/ld", "/s/tools-support-relr.sh");
    }

    @Test
    void anythingElseIsLeftToTheShell() {
        for (String c : List.of(
                "{ command -v gcc; } >/dev/null 2>&1 && echo \"n\" || echo \"y\"", // a builtin
                "{ test -e /x; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"",
                "{ CC=x make; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"", // an assignment
                "{ $CC -c x; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"", // a variable
                "{ gcc \"$HOME\"; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"",
                "{ gcc *.c; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"", // a glob
                "{ gcc ~/x; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"", // a tilde
                "{ gcc 'x'; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"",
                "{ gcc x > log; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"", // a redirection
                "{ gcc x; rm -rf y; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"", // a list
                "{ gcc x | grep -q y; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"", // a pipe not from echo
                "{ echo 'a\\nb' | gcc -; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"", // an escape for echo
                "{ echo '-n' | gcc -; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"", // an echo option
                "{ printf \"%b\\n\" \"a\\tb\" | gcc -; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"",
                "{ gcc x; } >/dev/null 2>&1 && echo \"-n\" || echo \"n\"",
                "{ gcc x; } >/dev/null 2>&1 && echo \"y\\c\" || echo \"n\"",
                "{ gcc x; } >/dev/null && echo \"y\" || echo \"n\"", // stderr not discarded
                "{ gcc x .tmp_$$; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"", // $$ outside the cc-option form
                "{ if gcc x; then true; fi; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"",
                "{ gcc \"caf\u00e9\"; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"", // not ASCII
                "{ trap \"rm -rf .tmp_$$\" EXIT; mkdir .tmp_$$; gcc \u0001; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"",
                "{ gcc \"a\nb\"; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"",
                "{ trap \"rm -rf .tmp_$$\" EXIT; mkdir .tmp_$$; echo '.tmp_$$' | gcc -; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"",
                "gcc --version")) {
            assertThat(SuccessProbes.parse(c)).as(c).isNull();
        }
    }

    @Test
    void anEnvironmentTheShellWouldChangeGoesToTheShell() throws IOException {
        Path dir = Files.createTempDirectory("k4j-probe");
        try {
            assertThat(SuccessProbes.shellEnvironment(Map.of("PATH", "/bin", "IFS", ":"), dir)).isNull();
            assertThat(SuccessProbes.shellEnvironment(Map.of("OPTIND", "3"), dir)).isNull();
            assumeThat(Path.of("/bin/sh").toRealPath().getFileName().toString()).isEqualTo("dash");
            assertThat(SuccessProbes.shellEnvironment(Map.of("A-B", "3", "BASH_FUNC_f%%", "() { :; }", "_ok", "1"), dir))
                    .as("dash exports only variable names").containsOnlyKeys("_ok", "PWD");
            assertThat(SuccessProbes.shellEnvironment(Map.of("A", "1"), dir))
                    .containsEntry("A", "1").containsEntry("PWD", dir.toRealPath().toString());
            assertThat(SuccessProbes.shellEnvironment(Map.of("PWD", "relative"), dir))
                    .containsEntry("PWD", dir.toRealPath().toString());
            String dotted = dir.toRealPath() + "/.";
            assertThat(SuccessProbes.shellEnvironment(Map.of("PWD", dotted), dir)).containsEntry("PWD", dotted);
            assertThat(SuccessProbes.lookupAsTheShell("gcc", Map.of("PATH", "/nowhere"))).isFalse();
            assertThat(SuccessProbes.lookupAsTheShell("/usr/bin/gcc", Map.of())).isTrue();
        } finally {
            Files.delete(dir);
        }
    }

    // ---- the command sees what it sees under the shell -------------------------------------------

    private static Path work;
    private static Path spy;

    @BeforeContainer
    static void makeSpy() throws IOException {
        work = Files.createTempDirectory("k4j-success");
        spy = work.resolve("spy");
        // Writes what it was given to $LOG, then exits with its first argument.
        Files.writeString(spy, String.join("\n",
                "#!/usr/bin/perl",
                "open(my $log, '>', $ENV{LOG}) or die;",
                "print $log join(\"|\", @ARGV), \"\\n\";",
                "local $/; my $in = <STDIN>; print $log \"in=\", (defined $in ? $in : ''), \"\\n\";",
                "print $log 'cwd=', readlink('/proc/self/cwd'), \"\\n\";",
                "for my $k (sort keys %ENV) { print $log \"$k=$ENV{$k}\\n\"; }",
                "for my $a (@ARGV) { if ($a =~ m{^(\\.tmp_[^/]*)/}) { print $log 'dir=', (-d $1 ? 'yes' : 'no'), \"\\n\"; } }",
                "exit($ARGV[0]);", ""));
        Files.setPosixFilePermissions(spy, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterContainer
    static void removeSpy() throws IOException {
        try (Stream<Path> s = Files.walk(work)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 60)
    void answersAndSeesWhatTheShellGives(@ForAll("probes") String command) throws Exception {
        assumeThat(Path.of("/bin/sh").toRealPath().getFileName().toString()).isEqualTo("dash");
        assumeThat(Files.isExecutable(Path.of("/usr/bin/perl"))).isTrue();
        assertThat(SuccessProbes.parse(command)).as(command).isNotNull();
        Path dir = Files.createDirectories(work.resolve("objdir"));
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("LOG", work.resolve("direct.log").toString());
        env.put("SOME_VAR", "a b");
        env.put("BASH_FUNC_f%%", "() { echo x; }"); // dropped by dash, and so here

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.ISO_8859_1);
        Shell shell = new Shell(env, dir, System.out, errors, StandardCharsets.ISO_8859_1);
        String direct = shell.run(command, "Kconfig", 1);
        env.put("LOG", work.resolve("shell.log").toString());
        String viaShell = Shell.text(sh(command, env, dir), StandardCharsets.ISO_8859_1);

        assertThat(direct).as(command).isEqualTo(viaShell);
        assertThat(err.size()).isZero();
        String seenDirect = Files.readString(work.resolve("direct.log")).replaceAll("\\.tmp_[0-9_]+", ".tmp_N")
                .replace("LOG=" + work.resolve("direct.log"), "LOG");
        String seenShell = Files.readString(work.resolve("shell.log")).replaceAll("\\.tmp_[0-9_]+", ".tmp_N")
                .replace("LOG=" + work.resolve("shell.log"), "LOG");
        assertThat(seenDirect).as(command).isEqualTo(seenShell);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("no temporary directory is left").isEmpty();
        }
    }

    @Provide
    Arbitrary<String> probes() {
        Arbitrary<String> status = Arbitraries.of("0", "1", "2", "3");
        Arbitrary<String> plain = Arbitraries.strings().withChars("aZ09_.,:+%@/=-").ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> quoted = Arbitraries.strings().withChars("aZ09 ',;|&<>(){}*?~#!").ofMaxLength(8)
                .map(s -> "\"" + s + "\"");
        Arbitrary<String> word = Arbitraries.oneOf(plain, quoted, Combinators.combine(plain, quoted).as(String::concat));
        Arbitrary<String> blanks = Arbitraries.of(" ", "  ", " \t ");
        Arbitrary<String> args = Combinators.combine(word, blanks).as((w, b) -> b + w).list().ofMaxSize(4)
                .map(l -> String.join("", l));
        Arbitrary<String> answer = Arbitraries.of("y", "\"y\"", "\"n\"", "\"\"", "\"-m64\"", "\"-fno-pie x\"");
        Arbitrary<String> text = Arbitraries.strings().withChars("ab {}();%:\"=").ofMaxLength(20);
        return Combinators.combine(status, args, Arbitraries.integers().between(0, 4), text, answer, answer)
                .as((s, a, form, t, y, n) -> {
                    String cmd = spy + " " + s + a;
                    String body = switch (form) {
                        case 0 -> cmd;
                        case 1 -> "trap \"rm -rf .tmp_$$\" EXIT; mkdir .tmp_$$; " + cmd + " -o .tmp_$$/tmp.o";
                        case 2 -> "mkdir .tmp_$$; trap \"rm -rf .tmp_$$\" EXIT; " + cmd + " \"--out=.tmp_$$\" .tmp_$$/x";
                        case 3 -> "echo '" + t + "' | " + cmd;
                        default -> "printf \"%b\\n\" \"" + t.replace("\"", "") + "\" | " + cmd;
                    };
                    return "{ " + body + "; } >/dev/null 2>&1 && echo " + y + " || echo " + n;
                });
    }

    private static byte[] sh(String command, Map<String, String> env, Path dir) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder("/bin/sh", "-c", command).directory(dir.toFile());
        b.environment().clear();
        b.environment().putAll(env);
        Process p = b.start();
        p.getOutputStream().close();
        try (InputStream in = p.getInputStream()) {
            byte[] out = in.readAllBytes();
            p.waitFor();
            return out;
        }
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
