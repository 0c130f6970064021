package dev.kconfig4j.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconfig4j.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kconfig4j why} on the command line: symbol names, config selection, formats, errors. */
class WhyCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void tree() throws IOException {
        Files.writeString(dir.resolve("Kconfig"), """
                config PCI
                    bool "PCI support"
                config FOO
                    bool "Foo"
                    depends on PCI
                """);
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "KERNELVERSION", "6.12", "KCONFIG4J_PROBE_CACHE",
                "off");
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Cli.execute(new Cli.Context(env, dir, o, e, x -> null), args);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutAConfigEverySymbolIsAtItsDefault() {
        Run r = run("why", "FOO", "--srctree", ".");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("values olddefconfig gives from an empty config (every symbol at its default)")
                .contains("FOO = n   bool \"Foo\"   Kconfig:3")
                .contains("blocked:  PCI [=n] = n, in depends on (Kconfig:5)")
                .contains("visible: set CONFIG_PCI=y in the config");
    }

    @Test
    void theDotConfigOfTheCurrentDirectoryIsReadLikeConfDoesAndTheConfigPrefixIsAccepted() throws IOException {
        Files.writeString(dir.resolve(".config"), "CONFIG_PCI=y\nCONFIG_FOO=y\n");
        Run r = run("why", "CONFIG_FOO", "--srctree", ".");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("values of .config as olddefconfig reads it")
                .contains("FOO = y")
                .contains("value:    y: set by the config: CONFIG_FOO=y  (.config:2)");
    }

    @Test
    void jsonHasTheDocumentedFields() throws IOException {
        Files.writeString(dir.resolve("my.config"), "CONFIG_FOO=y\n");
        Run r = run("why", "FOO", "PCI", "--srctree", ".", "--config", "my.config", "--format", "json");
        assertThat(r.exit()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(root.get("config").asText()).isEqualTo("my.config");
        assertThat(root.get("dialect").asText()).isEqualTo("6.12");
        JsonNode foo = root.get("symbols").get(0);
        assertThat(foo.get("symbol").asText()).isEqualTo("FOO");
        assertThat(foo.get("value").asText()).isEqualTo("n");
        assertThat(foo.get("user").get("outcome").asText()).isEqualTo("IGNORED");
        assertThat(foo.get("user").get("location").asText()).isEqualTo("my.config:1");
        JsonNode blocker = foo.get("blockers").get(0);
        assertThat(blocker.get("kind").asText()).isEqualTo("DEPENDS_ON");
        assertThat(blocker.get("expression").asText()).isEqualTo("PCI [=n]");
        assertThat(blocker.get("because").get(0).get("symbol").asText()).isEqualTo("PCI");
        assertThat(root.get("symbols").get(1).get("symbol").asText()).isEqualTo("PCI");
    }

    @Test
    void anUnknownSymbolIsOneLineWithASuggestion() {
        Run r = run("why", "FOOO", "--srctree", ".");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("kconfig4j why: unknown symbol FOOO (did you mean FOO?)\n");
        assertThat(run("why", "pci", "--srctree", ".").err()).contains("did you mean PCI?");
        assertThat(run("why", "ZZZZZZZZ", "--srctree", ".").err()).isEqualTo("kconfig4j why: unknown symbol ZZZZZZZZ\n");
    }

    @Test
    void badUsageAndBadInput() {
        Run xml = run("why", "FOO", "--srctree", ".", "--format", "xml");
        assertThat(xml.exit()).isEqualTo(2);
        assertThat(xml.err()).startsWith("Invalid value for option '--format': expected one of [TEXT, JSON] "
                + "(case-insensitive) but was 'xml'\n");
        assertThat(run("why", "FOO", "--srctree", ".", "--format", "JSON").out())
                .isEqualTo(run("why", "FOO", "--srctree", ".", "--format", "json").out());
        Run missing = run("why", "FOO", "--srctree", ".", "--config", "nope.config");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("nope.config: no such file\n");
        assertThat(run("why", "--srctree", ".").exit()).isEqualTo(2);
        Run help = run("why", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Why a symbol has its value").contains("Usage: kconfig4j why")
                .contains("--config=FILE");
    }
}
