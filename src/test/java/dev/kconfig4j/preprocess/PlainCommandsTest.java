package dev.kconfig4j.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The commands answered without a process answer exactly what {@code /bin/sh} prints, and no others are answered. */
class PlainCommandsTest {

    @Test
    void theKernelsDerivedProbesAreAnswered() {
        assertThat(out("set -- GCC 200000 && echo $1")).isEqualTo("GCC\n");
        assertThat(out("set -- GCC 200000 && echo $2")).isEqualTo("200000\n");
        assertThat(out("set -- GCC 200000 && echo $3")).isEqualTo("\n");
        assertThat(out("set --  && echo $1")).isEqualTo("\n");
        assertThat(out("{ test -z \"GCC 200000\"; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"")).isEqualTo("n\n");
        assertThat(out("{ test -z \"\"; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"")).isEqualTo("y\n");
        assertThat(out("{ test \"GCC\" = GCC; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"")).isEqualTo("y\n");
        assertThat(out("{ test \"GCC\" = Clang; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"")).isEqualTo("n\n");
        assertThat(out("{ test \"BFD\" != LLD; } >/dev/null 2>&1 && echo \"n\" || echo \"y\"")).isEqualTo("n\n");
        assertThat(out("{ test -n x; } >/dev/null 2>&1 && echo y || echo n")).isEqualTo("y\n");
    }

    @Test
    void anythingElseIsLeftToTheShell() {
        for (String c : List.of(
                "{ test -e /etc/passwd; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"", // a file test
                "{ test 1 -eq 1; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"", // numbers
                "{ test \"$HOME\" = x; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"", // a variable
                "{ test a = b -o c = c; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"", // more than three
                "{ test ! a; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"",
                "{ test a = b; } >/dev/null 2>&1 && echo \"-m64\" || echo \"n\"", // an echo option
                "{ test a = b; } >/dev/null 2>&1 && echo \"y\" || echo \"n\" > log",
                "set -- -n x && echo $1", // an echo option
                "set -- a* && echo $1", // a glob
                "set -- ~ && echo $1", // a tilde
                "set -- #a && echo $1", // a comment
                "set -- 'a b' && echo $1",
                "set -- a && echo $1; rm -rf x",
                "set -- a && echo $10",
                "echo y",
                "gcc --version")) {
            assertThat(PlainCommands.output(c)).as(c).isNull();
        }
    }

    @Property(tries = 150)
    void answersAsTheShellDoes(@ForAll("commands") String command) throws Exception {
        byte[] ours = PlainCommands.output(command);
        assertThat(ours).as(command).isNotNull();
        assertThat(new String(ours, StandardCharsets.ISO_8859_1)).as(command).isEqualTo(shell(command));
    }

    @Provide
    Arbitrary<String> commands() {
        Arbitrary<String> word = Arbitraries.strings().withChars("aZ09_.,:+%@/=-").ofMinLength(1).ofMaxLength(6)
                .filter(w -> !w.startsWith("-"));
        Arbitrary<String> quoted = Arbitraries.strings().withChars("aZ09_.,:+%@/=- ").ofMaxLength(8).map(s -> "\"" + s + "\"");
        Arbitrary<String> arg = Arbitraries.oneOf(word, quoted, Arbitraries.of("\"\"", "-z", "-n", "=", "!=", "\"-z\"", "\"=\""));
        Arbitrary<String> set = Combinators.combine(word.list().ofMaxSize(4), Arbitraries.integers().between(1, 6))
                .as((ws, n) -> "set --" + (ws.isEmpty() ? "" : " " + String.join(" ", ws)) + " && echo $" + n);
        Arbitrary<String> test = Combinators.combine(arg.list().ofMinSize(1).ofMaxSize(3), word, word)
                .as((as, y, n) -> "{ test " + String.join(" ", as) + "; } >/dev/null 2>&1 && echo \"" + y + "\" || echo \"" + n + "\"")
                .filter(c -> PlainCommands.output(c) != null);
        return Arbitraries.oneOf(set, test);
    }

    private static String out(String command) {
        byte[] b = PlainCommands.output(command);
        assertThat(b).as(command).isNotNull();
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static String shell(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        try (InputStream in = p.getInputStream()) {
            String s = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            p.waitFor();
            return s;
        }
    }
}
