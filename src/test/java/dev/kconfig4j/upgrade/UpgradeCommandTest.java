package dev.kconfig4j.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kconfig4j upgrade} on bad input and on its exit status. */
class UpgradeCommandTest {
    private static final String MODULES = "config MODULES\n\tbool \"modules\"\n\tdefault y\n\tmodules\n";

    /** Exit status, standard output, standard error. */
    private record Run(int status, String out, String err) {
    }

    private static Run run(Path dir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Cli.execute(new Cli.Context(Map.of("PATH", "/usr/bin:/bin", "ARCH", "x86", "KCONFIG4J_PROBE_CACHE", "off"),
                dir, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                o -> null), args);
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void nothingIsWrittenWhenATreeCannotBeParsed(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("old"));
        Files.createDirectories(dir.resolve("new"));
        Files.writeString(dir.resolve("old/Kconfig"), MODULES + "config A\n\ttristate \"a\"\n");
        Files.writeString(dir.resolve("new/Kconfig"), MODULES + "config A\n\ttristate \"a\"\n\tdepends on (B\n");
        Files.writeString(dir.resolve("old.config"), "CONFIG_MODULES=y\nCONFIG_A=m\n");
        for (String[] trees : new String[][] {{"new", "old"}, {"old", "new"}}) {
            Run r = run(dir, "upgrade", "--config", "old.config", "--srctree", trees[0], "--old-srctree", trees[1],
                    "--write", "new.config", "--write-fixed", "fixed.config", "--output", "report.txt");
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).contains("Kconfig:7").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(dir.resolve("new.config")).doesNotExist();
            assertThat(dir.resolve("fixed.config")).doesNotExist();
            assertThat(dir.resolve("report.txt")).doesNotExist();
        }
        assertThat(Files.readString(dir.resolve("old.config"))).isEqualTo("CONFIG_MODULES=y\nCONFIG_A=m\n");
    }

    @Test
    void valuesTheNewTypeCannotTakeAreReportedWithTheirLine(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("old"));
        Files.createDirectories(dir.resolve("new"));
        Files.writeString(dir.resolve("old/Kconfig"), MODULES + "config HV\n\ttristate \"hv\"\nconfig N\n\tint \"n\"\n"
                + "\tdefault 2\n");
        Files.writeString(dir.resolve("new/Kconfig"), MODULES + "config HV\n\tbool \"hv\"\nconfig N\n\tint \"n\"\n"
                + "\tdefault 2\n");
        Files.writeString(dir.resolve("old.config"), "CONFIG_MODULES=y\nCONFIG_HV=m\nCONFIG_N=lots\n");
        Run r = run(dir, "upgrade", "--config", "old.config", "--srctree", "new", "--old-srctree", "old",
                "--write", "new.config");
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.out()).contains("HV is bool in the new tree (it was tristate): 'm' (old.config:2) is not a valid bool value")
                .contains("N is int in the new tree: 'lots' (old.config:3) is not a valid int value");
        assertThat(Files.readString(dir.resolve("new.config"))).contains("CONFIG_N=2\n").contains("# CONFIG_HV is not set\n");
    }

    @Test
    void failOnLostIgnoresWhatTheToolchainDecides(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("t"));
        Files.writeString(dir.resolve("t/Kconfig"), "config CC_HAS_X\n\tdef_bool $(shell,echo n)\n"
                + "config X\n\tbool \"x\"\n\tdepends on CC_HAS_X\n");
        Files.writeString(dir.resolve("c.config"), "CONFIG_CC_HAS_X=y\nCONFIG_X=y\n");
        Run r = run(dir, "upgrade", "--config", "c.config", "--srctree", "t");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("0 options you chose lost").contains("2  derived from the toolchain");
        assertThat(run(dir, "upgrade", "--config", "c.config", "--srctree", "t", "--fail-on", "changed").status())
                .isEqualTo(3);
    }
}
