package dev.kconfig4j.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report: self-contained, escaped, and working in a browser. The browser tests run
 * Debian's headless Chromium ({@code apt-get install -y chromium}) on the file and read the DOM
 * after the page's script ran; they are skipped when /usr/bin/chromium is missing.
 */
class HtmlReportTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path tmp;
    static String html;
    static Path file;

    @BeforeAll
    static void render() throws IOException {
        Path before = HypervTrees.before(tmp.resolve("before"));
        Path after = HypervTrees.after(tmp.resolve("after"));
        // A config whose name would be markup if it were not escaped.
        Files.writeString(tmp.resolve("<img src=x onerror=alert(1)>.config"),
                "CONFIG_MODULES=y\nCONFIG_HYPERV=y\nCONFIG_FB_HYPERV=y\n");
        ImpactReport r = ImpactAnalysis.builder(new TreeSource.Directory(before), new TreeSource.Directory(after))
                .config(new ConfigInput(Path.of("<img src=x onerror=alert(1)>.config"), "x86"))
                .environment(Map.of("HOME", tmp.toString(), "KCONFIG4J_PROBE_CACHE", "off")).workingDirectory(tmp)
                .run();
        html = ImpactFormat.HTML.render(r);
        file = tmp.resolve("impact.html");
        Files.writeString(file, html);
    }

    @Test
    void selfContainedAndEscaped() {
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("<link").doesNotContain("<script src").doesNotContain("<img");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;.config");
        // Summary first, then the tables, then the drill-downs.
        assertThat(html.indexOf("id=\"summary\"")).isLessThan(html.indexOf("<table id=\"symbols\""));
        assertThat(html.indexOf("<table id=\"symbols\"")).isLessThan(html.indexOf("<details id=\"sym-HYPERV_NET\""));
        assertThat(html).contains("<details id=\"cfg-").contains("<details id=\"grp-HYPERV_VMBUS\"")
                .contains("+\tdefault HYPERV");
    }

    @Test
    void sortsByAColumnInTheBrowser() throws Exception {
        String dom = dumpDom("#sort=symbols:0:desc");
        List<String> order = symbolOrder(dom);
        assertThat(order).hasSizeGreaterThan(3);
        List<String> expected = new ArrayList<>(order);
        expected.sort(java.util.Comparator.reverseOrder());
        assertThat(order).isEqualTo(expected);
        assertThat(dom).contains("data-sorted=\"0:desc\"").contains("aria-sort=\"descending\"");

        // By the lost count, ascending: first the gate no config loses, last HYPERV_UTILS, lost in all
        // four configs that had Hyper-V (it defaults to HYPERV, so the expansions have it).
        List<String> byLost = symbolOrder(dumpDom("#sort=symbols:1:asc"));
        assertThat(byLost.get(0)).isEqualTo("HYPERV_VMBUS");
        assertThat(byLost.get(byLost.size() - 1)).isEqualTo("HYPERV_UTILS");
    }

    @Test
    void opensTheDrillDownLinkedTo() throws Exception {
        String dom = dumpDom("#sym-HYPERV_NET");
        assertThat(dom).containsPattern("<details id=\"sym-HYPERV_NET\" open(=\"\")?>");
        assertThat(dom).doesNotContainPattern("<details id=\"sym-HYPERV_STORAGE\" open");
        Path png = tmp.resolve("impact.png");
        chromium("--screenshot=" + png, "--window-size=1200,1400", file.toUri().toString());
        assertThat(png).exists();
        if (System.getenv("KCONFIG4J_KEEP_SCREENSHOT") != null) {
            Files.copy(png, Path.of(System.getenv("KCONFIG4J_KEEP_SCREENSHOT")),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(file, Path.of(System.getenv("KCONFIG4J_KEEP_SCREENSHOT") + ".html"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The symbols of the symbols table in DOM order. */
    private static List<String> symbolOrder(String dom) {
        int start = dom.indexOf("<table id=\"symbols\"");
        String table = dom.substring(start, dom.indexOf("</table>", start));
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr><td><a href=\"#sym-([A-Z0-9_]+)\">").matcher(table);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String dumpDom(String fragment) throws Exception {
        return chromium("--dump-dom", file.toUri() + fragment);
    }

    private static String chromium(String... args) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "/usr/bin/chromium is missing: install it with `apt-get install -y chromium` to run the browser tests");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium")));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "dom", ".html");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s");
        }
        assertThat(p.exitValue()).as("chromium's exit status").isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
