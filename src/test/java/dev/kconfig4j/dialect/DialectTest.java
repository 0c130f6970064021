package dev.kconfig4j.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.support.ConfRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the dialect is chosen from a tree, and what kconfig4j says when the tree is newer than it knows. */
class DialectTest {

    private static Path tree(Path dir, int version, int patchlevel) throws IOException {
        Files.writeString(dir.resolve("Makefile"), "# SPDX-License-Identifier: GPL-2.0\nVERSION = " + version
                + "\nPATCHLEVEL = " + patchlevel + "\nSUBLEVEL = 0\n");
        return dir;
    }

    @ParameterizedTest
    @CsvSource({"5,10,V5_10", "6,1,V6_1", "6,10,V6_1", "6,11,V6_12", "6,12,V6_12", "6,18,V6_12", "7,0,V7_3",
        "7,3,V7_3"})
    void theMakefileVersionPicksTheGeneration(int version, int patchlevel, Dialect expected, @TempDir Path dir)
            throws IOException {
        Dialect.Selection s = Dialect.choose(null, Map.of(), tree(dir, version, patchlevel));
        assertThat(s.dialect()).isEqualTo(expected);
        assertThat(s.assumption()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"7,9,7.9", "8,0,8.0"})
    void aTreeNewerThanTheNewestGenerationGetsItsRulesAndSaysSo(int version, int patchlevel, String shown,
            @TempDir Path dir) throws IOException {
        Dialect.Selection s = Dialect.choose(null, Map.of(), tree(dir, version, patchlevel));
        assertThat(s.dialect()).isEqualTo(Dialect.newest()).isEqualTo(Dialect.V7_3);
        assertThat(s.assumption()).isEqualTo("kconfig4j: Linux " + shown
                + " is newer than the newest known Kconfig generation (7.3); using the 7.3 rules");
    }

    @Test
    void theTreeVersionIsTheMakefilesVersionPatchlevelSublevelAndExtraversion(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Makefile"), "# SPDX\nVERSION = 7\nPATCHLEVEL = 3\nSUBLEVEL = 4\nEXTRAVERSION = -rc1\nNAME = x\n");
        assertThat(Dialect.treeVersion(dir)).isEqualTo("7.3.4-rc1");
        Files.writeString(dir.resolve("Makefile"), "VERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL =\nEXTRAVERSION =\n");
        assertThat(Dialect.treeVersion(dir)).isEqualTo("6.12");
        Files.writeString(dir.resolve("Makefile"), "VERSION = 6\n");
        assertThat(Dialect.treeVersion(dir)).isNull();
        Files.delete(dir.resolve("Makefile"));
        assertThat(Dialect.treeVersion(dir)).isNull();
    }

    @Test
    void kernelVersionComesBeforeTheMakefileAndAnExplicitDialectNeverWarns(@TempDir Path dir) throws IOException {
        tree(dir, 6, 1);
        assertThat(Dialect.choose(null, Map.of("KERNELVERSION", "8.1.0-rc2"), dir).assumption())
                .startsWith("kconfig4j: Linux 8.1 is newer");
        assertThat(Dialect.choose("7.3", Map.of("KERNELVERSION", "8.1"), dir).assumption()).isNull();
        assertThat(Dialect.choose(null, Map.of("KERNELVERSION", "7.3.4"), dir)).isEqualTo(
                new Dialect.Selection(Dialect.V7_3, null));
    }

    @Test
    void theCommandLinePrintsTheAssumptionOnceOnStandardErrorAndCarriesOn() {
        ConfRun run = ConfRun.tree("8.0", "config A\n\tbool \"a\"\n\tdefault y\n");
        ConfRun.Result r = run.run("--olddefconfig");
        assertThat(r.exit()).isZero();
        assertThat(r.stderr()).isEqualTo("kconfig4j: Linux 8.0 is newer than the newest known Kconfig generation"
                + " (7.3); using the 7.3 rules\n");
        assertThat(r.body()).isEqualTo("CONFIG_A=y\n");
    }
}
