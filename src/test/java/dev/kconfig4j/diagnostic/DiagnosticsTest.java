package dev.kconfig4j.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a tree and reading a config give their warnings as values: location, severity, the
 * message, and the text the kernel's conf prints for it (which a listener prints, in order).
 */
class DiagnosticsTest {
    @TempDir
    Path dir;

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private Kconfig load(String kconfig, Diagnostics diagnostics) throws IOException {
        Files.writeString(dir.resolve("Kconfig"), kconfig);
        return Kconfig.load(Kconfig.Options.of(dir, "Kconfig", Map.of("KERNELVERSION", "6.12"), dir), QUIET, QUIET,
                diagnostics);
    }

    @Test
    void aTreeKeepsTheWarningsOfLoadingIt() throws IOException {
        Kconfig tree = load("""
                config A
                \tbool "a"
                config A
                \ttristate
                config R
                \tbool "r"
                \trange 1 2
                """, new Diagnostics());
        assertThat(tree.diagnostics()).containsExactly(
                new Diagnostic(Diagnostic.Severity.WARNING, "Kconfig", 3,
                        "ignoring type redefinition of 'A' from 'bool' to 'tristate'",
                        "Kconfig:3:warning: ignoring type redefinition of 'A' from 'bool' to 'tristate'"),
                new Diagnostic(Diagnostic.Severity.WARNING, "Kconfig", 7, "range is only allowed for int or hex symbols",
                        "Kconfig:7:warning: range is only allowed for int or hex symbols"),
                new Diagnostic(Diagnostic.Severity.WARNING, "Kconfig", 7, "range is invalid",
                        "Kconfig:7:warning: range is invalid"));
    }

    @Test
    void aListenerPrintsEachAsTheKernelDoes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        load("config A\n\tbool \"a\"\n\tdefault y\n\trange 1 2\n",
                Diagnostics.printingTo(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        // Word for word what conf 6.12 prints for this tree.
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("Kconfig:4:warning: range is only allowed for int or hex symbols\nKconfig:4:warning: range is invalid\n");
    }

    @Test
    void aFailedLoadLeavesItsErrorWithTheCaller() throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        assertThatThrownBy(() -> load("""
                config A
                \tbool "a"
                \tdepends on B
                config B
                \tbool "b"
                \tdepends on C
                config C
                \tbool "c"
                \tdepends on A
                """, diagnostics)).isInstanceOf(KconfigException.class);
        assertThat(diagnostics.list()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.ERROR);
            assertThat(d.file() + ":" + d.line()).isEqualTo("Kconfig:1");
            assertThat(d.text()).startsWith("error: recursive dependency detected!\n\tsymbol A depends on B\n");
        });
    }

    @Test
    void readingAConfigGivesItsWarnings() throws IOException {
        Kconfig tree = load("config A\n\tbool \"a\"\n", new Diagnostics());
        ConfigReader.Read read = ConfigReader.load(tree, "my.config", "CONFIG_A=m\nCONFIG_A=y\n# CONFIG_A is not set\n");
        assertThat(read.diagnostics()).extracting(Diagnostic::text).containsExactly(
                "my.config:1:warning: symbol value 'm' invalid for A",
                "my.config:3:warning: override: reassigning to symbol A");
        assertThat(read.configuration().string(tree.symbols().find("A"))).isEqualTo("n");
    }
}
