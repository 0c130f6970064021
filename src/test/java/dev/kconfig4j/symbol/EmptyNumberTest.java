package dev.kconfig4j.symbol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.support.ConfRun;
import dev.kconfig4j.support.OracleRun;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When an int or hex symbol has no number: {@link dev.kconfig4j.dialect.Dialect#emptyNumberIsZero()}.
 * Each case is a tiny Kconfig, an input and the {@code .config} the kernel's conf of that
 * generation writes; with KCONFIG4J_ORACLE set, the kernel's conf is asked too.
 */
class EmptyNumberTest {

    private static final String TREE = """
            config A
            	int "a"
            config B
            	int "b"
            	default ""
            config P
            	int "p"
            	default "$(PAHOLE_VERSION)"
            config C
            	int "c"
            	range -5 -1
            config D
            	int "d"
            	range 1 5
            	default ""
            config E
            	hex "e"
            	default ""
            config F
            	hex "f"
            config G
            	int
            	default ""
            config S
            	string "s"
            	default ""
            config H
            	int "h"
            	default S
            """;

    // Up to 6.1 a number without value is empty; from 6.12 only one without value AND default
    // is 0 / 0x0 (A, F). A default that expands to nothing stays empty in every generation (B, P,
    // E, G, H: PAHOLE_VERSION is unset). An empty value meets a range as 0: C and D take a bound.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5.10 | ''  | ''",
        "6.1  | ''  | ''",
        "6.12 | 0   | 0x0",
        "7.3  | 0   | 0x0"})
    void aDefaultThatExpandsToNothingIsEmptyAndOnlyNoDefaultAtAllIsZeroFrom612(String version, String a, String f) {
        String expected = "CONFIG_A=" + a + "\nCONFIG_B=\nCONFIG_P=\nCONFIG_C=-1\nCONFIG_D=1\nCONFIG_E=\nCONFIG_F=" + f
                + "\nCONFIG_G=\nCONFIG_S=\"\"\nCONFIG_H=\n";
        assertThat(olddefconfig(version, TREE, "")).isEqualTo(expected);
        // An empty value in the input is invalid (a warning) and counts as no value.
        assertThat(olddefconfig(version, TREE, "CONFIG_A=\nCONFIG_F=\nCONFIG_B=\n")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"6.12", "7.3"})
    void anEmptyHexIsDefinedAsABare0xInAutoconfH(String version) {
        // olddefconfig writes the build's files too when auto.conf is missing (syncconfig would
        // ask for the new symbols, and the kernel's conf stops at the first empty number).
        ConfRun.Result r = ConfRun.tree(version, TREE).config("").run("--olddefconfig");
        assertThat(r.read("include/generated/autoconf.h")).contains("#define CONFIG_E 0x\n")
                .contains("#define CONFIG_F 0x0\n").contains("#define CONFIG_B \n");
        assertThat(r.read("include/config/auto.conf")).contains("CONFIG_E=\n").contains("CONFIG_A=0\n");
        if (OracleRun.available(version)) {
            ConfRun.Result k = OracleRun.run(version, TREE, "", "", Map.of(), "--olddefconfig");
            assertThat(r.read("include/generated/autoconf.h").lines().filter(l -> l.startsWith("#define")))
                    .containsExactlyElementsOf(k.read("include/generated/autoconf.h").lines()
                            .filter(l -> l.startsWith("#define")).toList());
        }
    }

    /** kconfig4j's .config body, checked against the kernel's when the oracle is installed. */
    static String olddefconfig(String version, String kconfig, String config) {
        ConfRun.Result ours = ConfRun.tree(version, kconfig).config(config).run("--olddefconfig");
        assertThat(ours.exit()).isZero();
        if (OracleRun.available(version)) {
            ConfRun.Result kernel = OracleRun.run(version, kconfig, config, "", Map.of(), "--olddefconfig");
            assertThat(ours.body()).as("kernel's conf-" + version).isEqualTo(kernel.body());
        }
        return ours.body();
    }
}
