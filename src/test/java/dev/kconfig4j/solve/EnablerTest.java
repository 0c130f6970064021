package dev.kconfig4j.solve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.diagnostic.KconfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Each kind of answer on a tree written for it: the Kconfig text, the config, the request, and
 * the expected lines (checked by hand, and by evaluation in {@link #solve}).
 */
class EnablerTest {
    private static final String MODULES = "config MODULES\n\tbool \"modules\"\n\tdefault y\n\tmodules\n";

    static Kconfig tree(String kconfig) {
        return tree(kconfig, "6.12");
    }

    static Kconfig tree(String kconfig, String dialect) {
        try {
            Path d = Files.createTempDirectory("kconfig4j-enable-");
            Files.writeString(d.resolve("Kconfig"), kconfig);
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            return Kconfig.load(Kconfig.Options.of(d, "Kconfig", Map.of("PATH", "/usr/bin:/bin", "KERNELVERSION", dialect),
                    d), quiet, quiet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Solves, and checks what every answer must satisfy: it holds when evaluated, and no line can go. */
    static Answer solve(Kconfig tree, String config, String... requests) {
        Enabler e = new Enabler(tree, ".config", config);
        List<Request> wanted = Arrays.stream(requests).map(r -> Request.parse(tree.symbols(), r)).toList();
        Answer a = e.solve(wanted);
        if (a.solved()) {
            List<Assignment> lines = a.solution().assignments();
            assertThat(Enabler.holds(e.evaluate(lines), wanted)).isTrue();
            for (int i = 0; i < lines.size(); i++) {
                List<Assignment> without = new java.util.ArrayList<>(lines);
                without.remove(i);
                assertThat(Enabler.holds(e.evaluate(without), wanted)).as("without %s", lines.get(i)).isFalse();
            }
        }
        return a;
    }

    static List<String> described(Answer a) {
        assertThat(a.solved()).as("solved: %s", a.conflict()).isTrue();
        return a.solution().assignments().stream().map(Assignment::describe).toList();
    }

    @Test
    void enablesADependency() {
        Kconfig t = tree(MODULES + "config A\n\tbool \"a\"\nconfig B\n\ttristate \"b\"\n\tdepends on A\n");
        Answer a = solve(t, "CONFIG_MODULES=y\n# CONFIG_A is not set\n", "B=m");
        assertThat(described(a)).containsExactly("change A from n to y", "add B=m");
        assertThat(a.solution().lines()).containsExactly("CONFIG_A=y", "CONFIG_B=m");
        assertThat(a.solution().minimum()).isTrue();
        assertThat(a.solution().changedUserValues()).extracting(x -> x.symbol().name()).containsExactly("A");
    }

    @Test
    void anMDependencyCapsAtMSoYNeedsItRaised() {
        Kconfig t = tree(MODULES + "config A\n\ttristate \"a\"\nconfig B\n\ttristate \"b\"\n\tdepends on A\n");
        String config = "CONFIG_MODULES=y\nCONFIG_A=m\n";
        assertThat(described(solve(t, config, "B=y"))).containsExactly("change A from m to y", "add B=y");
        // Enabled is enough: m fits under A=m, one line.
        assertThat(described(solve(t, config, "B"))).containsExactly("add B=m");
    }

    @Test
    void aSelectedSymbolWithoutPromptNeedsItsSelector() {
        Kconfig t = tree("config HELPER\n\tbool\nconfig DRIVER\n\tbool \"driver\"\n\tselect HELPER\n");
        assertThat(described(solve(t, "", "HELPER"))).containsExactly("add DRIVER=y");
    }

    @Test
    void aHiddenSymbolComesOnThroughItsDefaultsCondition() {
        Kconfig t = tree("config FEATURE\n\tbool \"feature\"\nconfig AUTO\n\tbool\n\tdefault y if FEATURE\n");
        Answer a = solve(t, "# CONFIG_FEATURE is not set\n", "AUTO");
        assertThat(described(a)).containsExactly("change FEATURE from n to y");
    }

    @Test
    void aChoiceMemberIsChosenAndTheOtherTurnsOff() {
        Kconfig t = tree("choice\n\tprompt \"mode\"\n\tdefault FAST\nconfig FAST\n\tbool \"fast\"\n"
                + "config SAFE\n\tbool \"safe\"\nendchoice\n");
        Answer a = solve(t, "CONFIG_FAST=y\n", "SAFE");
        assertThat(described(a)).containsExactly("add SAFE=y");
        assertThat(a.solution().sideEffects()).containsExactly(new SideEffect("FAST", "y", "n"));
        assertThat(a.solution().sideEffects().get(0).verb()).isEqualTo("turns off");
    }

    @Test
    void ofAnOrDependencyOneAlternativeIsEnoughAndUntouchedUserValuesArePreferred() {
        Kconfig t = tree("config A\n\tbool \"a\"\nconfig B\n\tbool \"b\"\nconfig C\n\tbool \"c\"\n\tdepends on A || B\n");
        // A is set to n by the user, B is not mentioned: setting B leaves the user's own values alone.
        assertThat(described(solve(t, "# CONFIG_A is not set\n", "C"))).containsExactly("add B=y", "add C=y");
    }

    @Test
    void aNegatedDependencyNeedsTheOtherSymbolTurnedOff() {
        Kconfig t = tree("config LEGACY\n\tbool \"legacy\"\n\tdefault y\nconfig MODERN\n\tbool \"modern\"\n"
                + "\tdepends on !LEGACY\n");
        assertThat(described(solve(t, "CONFIG_LEGACY=y\n", "MODERN")))
                .containsExactly("change LEGACY from y to n", "add MODERN=y");
        // Turning off: with no user value, LEGACY's default must be overridden by a line.
        assertThat(solve(t, "", "LEGACY=n").solution().lines()).containsExactly("# CONFIG_LEGACY is not set");
    }

    @Test
    void turningOffASelectedSymbolTurnsOffItsSelector() {
        Kconfig t = tree(MODULES + "config LIB\n\ttristate\nconfig USER\n\ttristate \"user\"\n\tselect LIB\n");
        assertThat(described(solve(t, "CONFIG_MODULES=y\nCONFIG_USER=m\n", "LIB=n")))
                .containsExactly("change USER from m to n");
    }

    @Test
    void intHexAndStringValuesNeedTheirSymbolVisible() {
        Kconfig t = tree("config NET\n\tbool \"net\"\nconfig PORT\n\tint \"port\"\n\tdepends on NET\n\trange 1 100\n"
                + "\tdefault 10\nconfig ADDR\n\thex \"addr\"\n\tdepends on NET\n\tdefault 0x1000\n"
                + "config NAME\n\tstring \"name\"\n\tdepends on NET\n\tdefault \"x\"\n");
        String config = "# CONFIG_NET is not set\n";
        assertThat(described(solve(t, config, "PORT=42"))).containsExactly("change NET from n to y", "add PORT=42");
        assertThat(described(solve(t, config, "ADDR=0x2000"))).containsExactly("change NET from n to y",
                "add ADDR=0x2000");
        Answer name = solve(t, config, "NAME=hello world");
        assertThat(name.solution().lines()).containsExactly("CONFIG_NET=y", "CONFIG_NAME=\"hello world\"");
        // A value outside the range: the range is the conflict.
        Answer out = solve(t, config, "PORT=500");
        assertThat(out.solved()).isFalse();
        assertThat(out.conflict().reasons()).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo("PORT=500 is outside its range 1..100 [1..100]");
            assertThat(r.location().toString()).isEqualTo("Kconfig:6");
        });
    }

    @Test
    void anUnsatisfiableRequestNamesTheRulesThatConflict() {
        Kconfig t = tree("config ARCH_FOO\n\tbool\nconfig DRV\n\tbool \"drv\"\n\tdepends on ARCH_FOO\n");
        Answer a = solve(t, "", "DRV");
        assertThat(a.solved()).isFalse();
        assertThat(a.conflict().requests()).extracting(Request::toString).containsExactly("DRV");
        assertThat(a.conflict().reasons()).extracting(Conflict.Reason::toString).containsExactly(
                "ARCH_FOO [=n] has no prompt and is never selected (no default) (Kconfig:1)",
                "DRV [=n] depends on ARCH_FOO [=n] (Kconfig:3)");
    }

    @Test
    void aConflictNamesTheFailingTermsAndTheSelectsAsWhyDoes() {
        // DRV needs ARCH_FOO, which only PLAT selects, and PLAT needs NEVER, which nothing can set (a
        // select's condition holds its symbol's dependencies: PLAT's own rule adds nothing to the core).
        Kconfig t = tree("config BUS\n\tbool \"bus\"\n\tdefault y\nconfig NEVER\n\tbool\n"
                + "config PLAT\n\tbool \"plat\"\n\tdepends on NEVER\n\tselect ARCH_FOO if BUS\n"
                + "config ARCH_FOO\n\tbool\nconfig DRV\n\tbool \"drv\"\n\tdepends on BUS && ARCH_FOO\n");
        Answer a = solve(t, "CONFIG_BUS=y\n", "DRV");
        assertThat(a.solved()).isFalse();
        assertThat(a.conflict().reasons()).extracting(Conflict.Reason::toString).containsExactly(
                "NEVER [=n] has no prompt and is never selected (no default) (Kconfig:4)",
                "ARCH_FOO [=n] has no prompt and is selected only by PLAT [=n] if NEVER [=n] && BUS [=y]"
                        + " (no default) (Kconfig:10)",
                "DRV [=n] depends on BUS [=y] && ARCH_FOO [=n] (with the request, ARCH_FOO [=n] fails) (Kconfig:12)");
    }

    @Test
    void aRuleNamesAtMostSixSelectsAndCountsTheRest() {
        StringBuilder k = new StringBuilder("config LIB\n\tbool\n\tdepends on NEVER\nconfig NEVER\n\tbool\n");
        for (int i = 1; i <= 8; i++) {
            k.append("config USER").append(i).append("\n\tbool \"user\"\n\tselect LIB\n");
        }
        Kconfig t = tree(k.toString());
        Answer a = solve(t, "", "LIB=n", "USER1");
        assertThat(a.solved()).isFalse();
        assertThat(a.conflict().reasons()).extracting(Conflict.Reason::text).contains(
                "LIB [=n] has no prompt and is selected only by USER1 [=n], USER2 [=n], USER3 [=n], USER4 [=n],"
                        + " USER5 [=n], USER6 [=n] and 2 more (no default)");
    }

    @Test
    void twoMembersOfOneChoiceConflict() {
        Kconfig t = tree("choice\n\tprompt \"mode\"\nconfig FAST\n\tbool \"fast\"\nconfig SAFE\n\tbool \"safe\"\n"
                + "endchoice\nconfig OTHER\n\tbool \"other\"\n");
        Answer a = solve(t, "", "FAST", "SAFE", "OTHER");
        assertThat(a.solved()).isFalse();
        assertThat(a.conflict().requests()).extracting(Request::toString).containsExactly("FAST", "SAFE");
        assertThat(a.conflict().reasons()).extracting(Conflict.Reason::text)
                .containsExactly("FAST [=y] and SAFE [=n] are in the same choice: only one can be y");
    }

    @Test
    void mOfABoolIsRefusedAndWhatAlreadyHoldsNeedsNothing() {
        Kconfig t = tree(MODULES + "config A\n\tbool \"a\"\n\tdefault y\n");
        Assertions.assertThatThrownBy(() -> Request.parse(t.symbols(), "A=m")).isInstanceOf(KconfigException.class)
                .hasMessageContaining("A is bool, the value must be y or n");
        Assertions.assertThatThrownBy(() -> Request.parse(t.symbols(), "NOPE")).isInstanceOf(KconfigException.class)
                .hasMessageContaining("no symbol NOPE");
        Answer a = solve(t, "", "A");
        assertThat(a.solution().assignments()).isEmpty();
    }

    @Test
    void aConeOfOneSymbolGrowsUntilTheChainIsModelled() {
        // Each symbol depends on the next, and D is only selected: the first model knows only E.
        Kconfig t = tree("config A\n\tbool \"a\"\n\tselect D\nconfig D\n\tbool\nconfig C\n\tbool \"c\"\n\tdepends on D\n"
                + "config B\n\tbool \"b\"\n\tdepends on C\nconfig E\n\tbool \"e\"\n\tdepends on B\n");
        Enabler tiny = new Enabler(t, ".config", "", 1, 1);
        Answer a = tiny.solve(List.of(Request.parse(t.symbols(), "E")));
        assertThat(described(a)).containsExactly("add A=y", "add C=y", "add B=y", "add E=y");
        assertThat(Enabler.holds(tiny.evaluate(a.solution().assignments()), List.of(Request.parse(t.symbols(), "E"))))
                .isTrue();
    }

    @Test
    void choicesUpTo61FollowTheRememberedSelection() {
        Kconfig t = tree("choice\n\tprompt \"mode\"\n\tdefault FAST\nconfig FAST\n\tbool \"fast\"\n"
                + "config SAFE\n\tbool \"safe\"\nendchoice\n", "6.1");
        assertThat(t.dialect().version()).isEqualTo("6.1");
        Answer a = solve(t, "CONFIG_FAST=y\n", "SAFE");
        assertThat(described(a)).containsExactly("add SAFE=y");
        assertThat(a.solution().sideEffects()).containsExactly(new SideEffect("FAST", "y", "n"));
    }
}
