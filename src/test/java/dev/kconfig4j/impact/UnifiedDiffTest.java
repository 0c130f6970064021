package dev.kconfig4j.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kconfig4j.diagnostic.KconfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strict unified-diff reader for --what-if patches, and the writer for mitigations' patches. */
class UnifiedDiffTest {
    @TempDir
    Path tree;

    private static final String KCONFIG = "config A\n\tbool \"a\"\n\nconfig B\n\ttristate \"b\"\n\tdepends on A\n";

    @Test
    void whatRenderWritesApplies() throws IOException {
        Files.writeString(tree.resolve("Kconfig"), KCONFIG);
        String changed = KCONFIG.replace("\tdepends on A\n", "\tdepends on A\n\tdefault A\n").replace("bool", "tristate");
        String patch = UnifiedDiff.render("Kconfig", KCONFIG, changed);
        assertThat(patch).startsWith("--- a/Kconfig\n+++ b/Kconfig\n@@ -1,6 +1,7 @@\n");
        assertThat(UnifiedDiff.apply("p", patch, tree)).isEqualTo(Map.of("Kconfig", changed));
        assertThat(Files.readString(tree.resolve("Kconfig"))).isEqualTo(KCONFIG);
    }

    @Test
    void separateEditsAreSeparateLinesAndHunks() throws IOException {
        // Two edits of one file (as a combined mitigation makes) show as just those lines, not as
        // the whole stretch between them removed and added again.
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            text.append("line ").append(i).append('\n');
        }
        String before = text.toString();
        Files.writeString(tree.resolve("Kconfig"), before);
        String after = before.replace("line 2\n", "line two\n").replace("line 6\n", "line 6\nline 6b\n")
                .replace("line 18\n", "");
        String patch = UnifiedDiff.render("Kconfig", before, after);
        assertThat(patch).isEqualTo("--- a/Kconfig\n+++ b/Kconfig\n@@ -1,9 +1,10 @@\n line 1\n-line 2\n+line two\n"
                + " line 3\n line 4\n line 5\n line 6\n+line 6b\n line 7\n line 8\n line 9\n"
                + "@@ -15,6 +16,5 @@\n line 15\n line 16\n line 17\n-line 18\n line 19\n line 20\n");
        assertThat(UnifiedDiff.apply("p", patch, tree)).isEqualTo(Map.of("Kconfig", after));
        assertThat(UnifiedDiff.render("Kconfig", before, before)).isEmpty();
    }

    @Test
    void hunksAfterAnInsertionApplyAtTheirOwnLines() throws IOException {
        Files.writeString(tree.resolve("Kconfig"), "a\nb\nc\nd\ne\nf\ng\nh\n");
        String patch = """
                diff --git a/Kconfig b/Kconfig
                --- a/Kconfig
                +++ b/Kconfig
                @@ -1,2 +1,3 @@
                 a
                +a2
                 b
                @@ -7,2 +8,2 @@
                 g
                -h
                +H
                """;
        assertThat(UnifiedDiff.apply("p", patch, tree).get("Kconfig")).isEqualTo("a\na2\nb\nc\nd\ne\nf\ng\nH\n");
    }

    @Test
    void newAndDeletedFiles() throws IOException {
        Files.writeString(tree.resolve("old"), "x\n");
        String patch = "--- /dev/null\n+++ b/drivers/new/Kconfig\n@@ -0,0 +1,2 @@\n+config N\n+\tbool\n"
                + "--- a/old\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n";
        Map<String, String> out = UnifiedDiff.apply("p", patch, tree);
        assertThat(out.get("drivers/new/Kconfig")).isEqualTo("config N\n\tbool\n");
        assertThat(out).containsEntry("old", null);
    }

    @Test
    void errorsNameThePatchLine() throws IOException {
        Files.writeString(tree.resolve("Kconfig"), KCONFIG);
        assertThatThrownBy(() -> UnifiedDiff.apply("fix.patch", "--- a/Kconfig\n+++ b/Kconfig\n@@ -2,1 +2,1 @@\n"
                + "-\tint \"a\"\n+\tbool \"a\"\n", tree)).isInstanceOf(KconfigException.class)
                .hasMessage("fix.patch:4: hunk does not apply to Kconfig:2: expected '\tint \"a\"', found '\tbool \"a\"'");
        assertThatThrownBy(() -> UnifiedDiff.apply("fix.patch", "--- a/Kconfig\n+++ b/Kconfig\n@@ -1,3 +1,3 @@\n"
                + " config A\n", tree)).hasMessage("fix.patch:3: hunk ends early (the file ends)");
        assertThatThrownBy(() -> UnifiedDiff.apply("fix.patch", "--- a/Kconfig\n+++ b/Kconfig\n@@ -1 +1 @@\n"
                + "-config A\nnot a diff line\n", tree))
                .hasMessage("fix.patch:5: hunk ends early: expected 0 more old and 1 more new lines");
        assertThatThrownBy(() -> UnifiedDiff.apply("fix.patch", "--- a/missing\n+++ b/missing\n@@ -1 +1 @@\n-a\n+b\n",
                tree)).hasMessage("fix.patch:1: missing: no such file in the tree");
        assertThatThrownBy(() -> UnifiedDiff.apply("fix.patch", "just words\n", tree))
                .hasMessage("fix.patch:1: not a unified diff (no '--- ' / '+++ ' lines)");
        assertThatThrownBy(() -> UnifiedDiff.apply("fix.patch", "--- a/Kconfig\n+++ b/Kconfig\n@@ -x +1 @@\n", tree))
                .hasMessage("fix.patch:3: malformed hunk header: @@ -x +1 @@");
    }
}
