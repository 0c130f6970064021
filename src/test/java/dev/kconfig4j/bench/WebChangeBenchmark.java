package dev.kconfig4j.bench;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.conformance.GoldenCase;
import dev.kconfig4j.session.ConfigSession;
import dev.kconfig4j.session.SearchQuery;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.web.Guard;
import dev.kconfig4j.web.WebServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A change and its consequences in {@code kconfig4j web}, side by side with a plain olddefconfig
 * evaluation, on Linux 6.12 x86 with Debian's amd64 config (run with bench/web.sh; the target is
 * under 50 ms for a change to reach the page):
 * <ul>
 *   <li>the setup prints how long the first page takes once the tree is loaded, in a fresh JVM whose
 *       server started while the tree loaded, as {@code kconfig4j web} does (target: under 1 s);</li>
 *   <li>{@code olddefconfig}: reading the config and settling every value, as olddefconfig does;</li>
 *   <li>{@code sessionChange}: {@link ConfigSession#set} (the kernel's rules, every value and
 *       shown entry compared) and the page that shows the entry;</li>
 *   <li>{@code httpChange}: the same through the server, as the page does it: POST /api/set and
 *       GET /api/page, with the JSON.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xss64m"})
public class WebChangeBenchmark {
    private Kconfig tree;
    private String config;
    private ConfigSession session;
    private WebServer server;
    private HttpClient http;
    private String base;
    private String token;
    private int page;
    private boolean on;
    private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

    @Setup
    public void load() throws Exception {
        Path shared = GoldenCase.sharedDir();
        GoldenCase c = GoldenCase.byId(shared, "6.12/x86/olddefconfig-debian-6.12-amd64");
        Path srctree = shared.resolve(c.tree()).toRealPath();
        Path out = Files.createTempDirectory("kconfig4j-bench-");
        // As kconfig4j web does it: the server starts while the tree loads.
        token = Guard.newToken();
        server = new WebServer("127.0.0.1", 0, token);
        CompletableFuture<Void> started = CompletableFuture.runAsync(() -> {
            try {
                server.start();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        tree = Kconfig.load(Kconfig.Options.of(srctree, "Kconfig", c.environment(srctree, out), out), quiet, quiet);
        config = Files.readString(shared.resolve("corpus/configs/debian-6.12-amd64.config"), StandardCharsets.ISO_8859_1);
        // The client stands in for the browser, a process of its own that is running already:
        // its own start (the JDK's HTTP client, about 650 classes) is not the server's time.
        started.join();
        base = "http://127.0.0.1:" + server.port();
        http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create(base + "/api/state")).build(), HttpResponse.BodyHandlers.ofString());
        long t0 = System.nanoTime();
        session = new ConfigSession(tree, out.resolve(".config"), config);
        server.serve(session, out.resolve("defconfig"));
        // The first page once the tree is loaded: reading the config, the main menu prepared, and
        // the page, its script and style, the state and the main menu, each fetched once.
        for (String path : new String[] {"/", "/app.js", "/app.css", "/api/state", "/api/page?id=0"}) {
            http.send(HttpRequest.newBuilder(URI.create(base + path)).header(Guard.HEADER, token).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        System.out.printf("%nfirst page after the tree is loaded (config read, main menu prepared, page fetched): %.1f ms%n",
                (System.nanoTime() - t0) / 1e6);
        page = session.search(new SearchQuery("^USB_STORAGE$", true, EnumSet.of(SearchQuery.Field.NAME), false, false,
                false, null, 1)).get(0).page();
        // What the server prepares in the background after the first page; measured changes come later.
        session.kbuild();
    }

    @TearDown
    public void stop() throws Exception {
        server.close();
    }

    @Benchmark
    public Configuration olddefconfig() {
        return ConfigReader.load(tree, ".config", config).configuration();
    }

    @Benchmark
    public Object sessionChange() {
        on = !on;
        session.set("USB_STORAGE", on ? "n" : "m");
        return session.page(page, false);
    }

    @Benchmark
    public String httpChange() throws IOException, InterruptedException {
        on = !on;
        HttpRequest set = HttpRequest.newBuilder(URI.create(base + "/api/set")).header(Guard.HEADER, token)
                .header("Origin", base).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"symbol\":\"USB_STORAGE\",\"value\":\"" + (on ? "n" : "m") + "\"}"))
                .build();
        String change = http.send(set, HttpResponse.BodyHandlers.ofString()).body();
        HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/api/page?id=" + page)).header(Guard.HEADER, token).build();
        return change + http.send(get, HttpResponse.BodyHandlers.ofString()).body();
    }
}
