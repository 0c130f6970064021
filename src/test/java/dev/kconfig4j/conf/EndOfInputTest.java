package dev.kconfig4j.conf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.support.ConfRun;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the dialogue does when standard input ends at a question whose default is not a valid
 * answer: an int whose default expands to nothing. Every expectation is what the kernel's own
 * {@code conf -s} 6.12 and 7.3 gave with standard input closed: the run stops with an error naming
 * the symbol, exit status 1, and nothing is written (no .config, no include/config).
 * (5.10 and 6.1 ask again forever there; kconfig4j stops the same way for every generation.)
 */
class EndOfInputTest {
    private static final String KCONFIG = "config A\n\tbool \"a\"\nconfig B\n\tint \"b\"\n\tdefault \"\"\nconfig C\n\thex \"c\"\n";

    @ParameterizedTest(name = "{0} --{1}")
    @CsvSource({"6.12, oldconfig", "6.12, syncconfig", "7.3, oldconfig", "7.3, syncconfig", "5.10, oldconfig"})
    void anIntWithoutAValidDefaultStopsTheRunAndWritesNothing(String dialect, String mode) throws Exception {
        ConfRun run = ConfRun.tree(dialect, KCONFIG);
        ConfRun.Result r = run.run("--" + mode);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stdout()).endsWith("a (A) [N/y/?] (NEW) \nb (B) [] (NEW) \n");
        assertThat(r.stderr()).isEqualTo("""
                Kconfig:5:warning: 'B': number is invalid

                Error in reading or end of file.

                Error in reading or end of file.

                error: no value for new symbol 'B' at end of input
                """);
        assertThat(r.dir().resolve(".config")).doesNotExist();
        assertThat(r.dir().resolve("include")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"6.12", "7.3"})
    void aValueFromTheConfigIsNotAskedSoTheRunCompletes(String dialect) throws Exception {
        ConfRun run = ConfRun.tree(dialect, KCONFIG).config("CONFIG_A=y\nCONFIG_B=3\n");
        ConfRun.Result r = run.run("--syncconfig");

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.stderr()).isEqualTo("Kconfig:5:warning: 'B': number is invalid\n\nError in reading or end of file.\n");
        assertThat(Files.readString(r.dir().resolve(".config"))).contains("CONFIG_B=3\n", "CONFIG_C=0x0\n");
    }
}
