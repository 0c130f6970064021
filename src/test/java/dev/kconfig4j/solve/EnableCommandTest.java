package dev.kconfig4j.solve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconfig4j.cli.Cli;
import dev.kconfig4j.support.ConfRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code kconfig4j enable} end to end: exit codes, the report, --write against {@code conf --olddefconfig}. */
class EnableCommandTest {
    private static final String KCONFIG = "config MODULES\n\tbool \"modules\"\n\tdefault y\n\tmodules\n"
            + "config BUS\n\tbool \"bus\"\nconfig DEV\n\ttristate \"dev\"\n\tdepends on BUS\n"
            + "config ARCH_FOO\n\tbool\nconfig FOO_DRV\n\tbool \"foo\"\n\tdepends on ARCH_FOO\n";
    private static final String CONFIG = "CONFIG_MODULES=y\n# CONFIG_BUS is not set\n";

    record Run(int exit, String out, String err) {
    }

    static Run run(Path dir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            List<String> all = new ArrayList<>(List.of("enable"));
            all.addAll(List.of(args));
            exit = Cli.execute(new Cli.Context(Map.of("PATH", "/usr/bin:/bin", "KCONFIG4J_PROBE_CACHE", "off"), dir, o, e,
                    x -> null), all.toArray(new String[0]));
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void solvesWritesTheResultingConfigAndLeavesTheInputAlone() throws IOException {
        ConfRun tree = ConfRun.tree("6.12", KCONFIG).file("my.config", CONFIG);
        Run r = run(tree.dir(), "DEV=m", "--config", "my.config", "--srctree", ".", "--write", "out.config");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("enable DEV=m: 2 lines (the fewest possible), verified")
                .contains("  change BUS from n to y\n  add DEV=m\n")
                .endsWith("lines:\nCONFIG_BUS=y\nCONFIG_DEV=m\n");
        assertThat(Files.readString(tree.dir().resolve("my.config"))).isEqualTo(CONFIG);
        // The written config is what conf --olddefconfig makes of the input with the lines appended.
        String written = Files.readString(tree.dir().resolve("out.config"));
        ConfRun.Result conf = tree.config(CONFIG + "CONFIG_BUS=y\nCONFIG_DEV=m\n").run("--olddefconfig");
        assertThat(written).isEqualTo(conf.config());
        assertThat(written).contains("CONFIG_DEV=m\n");
    }

    @Test
    void noSolutionExitsThreeWithTheConflict() {
        ConfRun tree = ConfRun.tree("6.12", KCONFIG).file("my.config", CONFIG);
        Run r = run(tree.dir(), "FOO_DRV", "--config", "my.config", "--srctree", ".", "--write", "out.config");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEqualTo("enable FOO_DRV: no solution\n  FOO_DRV cannot hold, because:\n"
                + "  - ARCH_FOO [=n] has no prompt and is never selected (no default) (Kconfig:10)\n"
                + "  - FOO_DRV [=n] depends on ARCH_FOO [=n] (Kconfig:12)\n");
        assertThat(tree.dir().resolve("out.config")).doesNotExist();
    }

    @Test
    void jsonForTools() throws IOException {
        ConfRun tree = ConfRun.tree("6.12", KCONFIG).file("my.config", CONFIG);
        Run r = run(tree.dir(), "DEV", "--config", "my.config", "--srctree", ".", "--format", "json");
        assertThat(r.exit()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("solved").asBoolean()).isTrue();
        assertThat(j.get("assignments")).hasSize(2);
        assertThat(j.get("assignments").get(0).get("symbol").asText()).isEqualTo("BUS");
        assertThat(j.get("assignments").get(0).get("previous").asText()).isEqualTo("n");
        assertThat(j.get("assignments").get(1).get("line").asText()).isEqualTo("CONFIG_DEV=m");
    }

    @Test
    void badInputIsOneLineAndExitOne() {
        ConfRun tree = ConfRun.tree("6.12", KCONFIG).file("my.config", CONFIG);
        Run unknown = run(tree.dir(), "NOPE", "--config", "my.config", "--srctree", ".");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("NOPE: no symbol NOPE in this tree\n");
        Run missing = run(tree.dir(), "DEV", "--config", "missing.config", "--srctree", ".");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("missing.config: no such file");
        assertThat(run(tree.dir(), "DEV", "--config", "my.config", "--srctree", ".", "--format", "xml").exit()).isEqualTo(2);
    }
}
