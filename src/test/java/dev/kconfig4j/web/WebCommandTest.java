package dev.kconfig4j.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.cli.Cli;
import dev.kconfig4j.session.ConfigSessionTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kconfig4j web} on the command line: the printed address, bad input and bad usage. */
class WebCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Cli.execute(context(o, e), args);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Cli.Context context(PrintStream o, PrintStream e) {
        return new Cli.Context(Map.of("PATH", "/usr/bin:/bin", "KCONFIG4J_PROBE_CACHE", "off", "KERNELVERSION", "6.12"),
                dir, o, e, x -> null);
    }

    @Test
    void badUsageAndBadInputSayWhatIsWrong() throws Exception {
        assertThat(run("web", "--port", "70000").exit()).isEqualTo(2);
        Run notATree = run("web", "--srctree", "nowhere");
        assertThat(notATree.exit()).isEqualTo(1);
        assertThat(notATree.err()).contains("not a kernel tree");
        Files.writeString(dir.resolve("Kconfig"), ConfigSessionTest.KCONFIG);
        Run noOld = run("web", "--srctree", ".", "--old-config", "missing.config");
        assertThat(noOld.exit()).isEqualTo(1);
        assertThat(noOld.err()).contains("missing.config");
        assertThat(run("web", "--help").out()).contains("--old-config").contains("--listen");
    }

    @Test
    void printsTheAddressWithItsTokenAndServesOnlyTheLoopbackInterface() throws Exception {
        Files.writeString(dir.resolve("Kconfig"), ConfigSessionTest.KCONFIG);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        Thread t = new Thread(() -> Cli.execute(context(o, o), "web", "--srctree", "."));
        t.setDaemon(true); // the server runs until the test JVM ends
        t.start();
        Pattern address = Pattern.compile("kconfig4j web: open (http://127\\.0\\.0\\.1:(\\d+)/\\?token=[A-Za-z0-9_-]{43})");
        Matcher m = null;
        for (int i = 0; i < 600 && (m == null || !m.find()); i++) {
            Thread.sleep(100);
            m = address.matcher(out.toString(StandardCharsets.UTF_8));
        }
        assertThat(m.find(0)).as(out.toString(StandardCharsets.UTF_8)).isTrue();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().allValues("set-cookie")).hasSize(1);
        HttpResponse<String> without = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + m.group(2) + "/api/state")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(List.of(out.toString(StandardCharsets.UTF_8).split("\n"))).noneMatch(l -> l.contains("WARNING"));
    }
}
