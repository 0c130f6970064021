package dev.kconfig4j.impact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kconfig4j impact} on the command line. */
class ImpactCommandTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void trees() {
        HypervTrees.before(tmp.resolve("old"));
        HypervTrees.after(tmp.resolve("new"));
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli.Context ctx = new Cli.Context(Map.of("HOME", tmp.toString(), "KCONFIG4J_PROBE_CACHE", "off"), tmp,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                o -> null);
        int exit = Cli.execute(ctx, args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void textSummaryOnStandardOutput() {
        Run r = run("impact", "--before", "old", "--after", "new", "--arch", "x86", "--mitigations", "1");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("kconfig4j impact: ")
                .contains("3 configs (1 arch): 2 lose something")
                .contains("HYPERV_NET: lost in 2 of 3 configs: arch/x86/configs/azure_defconfig, arch/x86/configs/vyos_defconfig")
                .contains("m1 [partial]: give the new symbol HYPERV_VMBUS the default `HYPERV`");
    }

    @Test
    void htmlToAFileWrittenAtomicallyAndFailOnLost() throws IOException {
        Run r = run("impact", "--before", "old", "--after", "new", "--format", "html", "--output", "impact.html",
                "--fail-on", "lost", "--mitigations", "0", "--write-configs", "configs");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(tmp.resolve("impact.html"))).startsWith("<!DOCTYPE html>");
        assertThat(Files.readString(tmp.resolve("configs/arch_x86_configs_vyos_defconfig.before")))
                .contains("CONFIG_HYPERV=m\n");
        assertThat(Files.readString(tmp.resolve("configs/arch_x86_configs_vyos_defconfig.after")))
                .contains("# CONFIG_HYPERV is not set\n");
    }

    @Test
    void badInputIsOneLine() throws IOException {
        Run noTree = run("impact", "--before", "nowhere", "--after", "new");
        assertThat(noTree.exit()).isEqualTo(1);
        assertThat(noTree.err()).startsWith("nowhere: neither a directory nor a revision").hasLineCount(1);
        Files.writeString(tmp.resolve("bad.patch"), "--- a/Kconfig\n+++ b/Kconfig\n@@ -1 +1 @@\n-nothing like this\n+x\n");
        Run badPatch = run("impact", "--before", "old", "--after", "new", "--what-if", "bad.patch");
        assertThat(badPatch.exit()).isEqualTo(1);
        assertThat(badPatch.err()).startsWith("bad.patch:4: hunk does not apply to Kconfig:1").hasLineCount(1);
        assertThat(run("impact", "--before", "old", "--after", "new", "--format", "pdf").exit()).isEqualTo(2);
        assertThat(run("impact", "--before", "old").exit()).isEqualTo(2);
    }

    @Test
    void theShellPolicyGovernsEveryTree() throws IOException {
        HypervTrees.after(tmp.resolve("probing"));
        Files.writeString(tmp.resolve("probing/Kconfig"), "\nconfig PROBED\n\tdef_bool $(shell,echo y)\n",
                java.nio.file.StandardOpenOption.APPEND);
        Run allowed = run("impact", "--before", "old", "--after", "probing", "--mitigations", "0");
        assertThat(allowed.exit()).isZero();
        Run denied = run("impact", "--before", "old", "--after", "probing", "--mitigations", "0", "--shell", "deny");
        assertThat(denied.exit()).isEqualTo(1);
        assertThat(denied.out()).contains("Not analysed (4):")
                .contains("arch/x86/configs/vyos_defconfig: Kconfig:12: shell command not run (shell policy deny): echo y");
        assertThat(denied.err()).startsWith("kconfig4j impact: no config could be analysed; first: ")
                .contains("Kconfig:12: shell command not run (shell policy deny): echo y").hasLineCount(1);
        Run fallback = run("impact", "--before", "old", "--after", "probing", "--mitigations", "0",
                "--shell", "deny=n");
        assertThat(fallback.exit()).isZero();
    }
}
