package dev.kconfig4j.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.session.ConfigSession;
import dev.kconfig4j.session.ConfigSessionTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as an attacker and a careless client see it: the token, the Host and Origin checks,
 * paths, and bad requests (which get a clear error and change nothing). Requests are written by
 * hand on a socket, so that every header is exactly what the test says.
 */
class WebServerTest {
    @TempDir
    Path dir;
    WebServer server;
    ConfigSession session;
    String token;
    String host;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("Kconfig"), ConfigSessionTest.KCONFIG, StandardCharsets.ISO_8859_1);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Kconfig tree = Kconfig.load(Kconfig.Options.of(dir, "Kconfig", Map.of("PATH", "/usr/bin:/bin", "KERNELVERSION",
                "6.12"), dir), quiet, quiet);
        session = ConfigSession.open(tree, dir.resolve(".config"));
        token = Guard.newToken();
        server = new WebServer(session, dir.resolve("defconfig"), "127.0.0.1", 0, token);
        server.start();
        host = "127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** One HTTP exchange: status, headers and body of the answer. */
    record Answer(int status, String head, String body) {
    }

    Answer http(String method, String path, String hostHeader, String... headersAndBody) throws IOException {
        StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nConnection: close\r\n");
        String body = "";
        for (String h : headersAndBody) {
            if (h.startsWith("BODY:")) {
                body = h.substring(5);
            } else {
                req.append(h).append("\r\n");
            }
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (method.equals("POST")) {
            req.append("Content-Length: ").append(b.length).append("\r\n");
        }
        req.append("\r\n");
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().write(b);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            String rest = text.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                rest = dechunk(rest);
            }
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, rest);
        }
    }

    private static String dechunk(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int eol = s.indexOf("\r\n", i);
            int n = Integer.parseInt(s.substring(i, eol).trim(), 16);
            if (n == 0) {
                return out.toString();
            }
            out.append(s, eol + 2, eol + 2 + n);
            i = eol + 2 + n + 2;
        }
    }

    String cookie() {
        return "Cookie: " + Guard.COOKIE + "=" + token;
    }

    String origin() {
        return "Origin: http://" + host;
    }

    Answer post(String path, String json) throws IOException {
        return http("POST", path, host, cookie(), origin(), "Content-Type: application/json", "BODY:" + json);
    }

    @Test
    void theAddressWithTheTokenSetsACookieAndEverythingElseNeedsIt() throws Exception {
        assertThat(http("GET", "/", host).status()).isEqualTo(403);
        assertThat(http("GET", "/?token=wrong", host).status()).isEqualTo(403);
        assertThat(http("GET", "/api/state", host).body()).contains("missing or wrong token");
        assertThat(http("GET", "/app.js", host).status()).isEqualTo(403);
        Answer first = http("GET", "/?token=" + token, host);
        assertThat(first.status()).isEqualTo(303);
        assertThat(first.head()).contains("Set-Cookie: " + Guard.COOKIE + "=" + token).containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
        assertThat(http("GET", "/", host, cookie()).body()).contains("<script type=\"module\" src=\"/app.js\">");
        assertThat(http("GET", "/api/state", host, "X-Kconfig4j-Token: " + token).body()).contains("\"title\":\"Test kernel\"");
        assertThat(http("GET", "/api/state", host, "Cookie: " + Guard.COOKIE + "=" + token + "x").status()).isEqualTo(403);
    }

    @Test
    void otherHostNamesAreRefusedAgainstDnsRebinding() throws Exception {
        assertThat(http("GET", "/api/state", "attacker.example:" + server.port(), cookie()).status()).isEqualTo(403);
        assertThat(http("GET", "/api/state", "127.0.0.1:1", cookie()).status()).isEqualTo(403);
        assertThat(http("GET", "/api/state", "localhost:" + server.port(), cookie()).status()).isEqualTo(200);
    }

    @Test
    void crossSiteRequestsAreRefusedAndChangeNothing() throws Exception {
        String before = session.dotConfig();
        Answer evil = http("POST", "/api/set", host, cookie(), "Origin: http://attacker.example",
                "Content-Type: application/json", "BODY:{\"symbol\":\"PCI\",\"value\":\"y\"}");
        assertThat(evil.status()).isEqualTo(403);
        assertThat(evil.body()).contains("cross-site");
        assertThat(http("POST", "/api/set", host, cookie(), "Content-Type: application/json",
                "BODY:{\"symbol\":\"PCI\",\"value\":\"y\"}").status()).as("no Origin").isEqualTo(403);
        assertThat(http("POST", "/api/set", host, cookie(), origin(), "Content-Type: text/plain",
                "BODY:{\"symbol\":\"PCI\",\"value\":\"y\"}").status()).as("a form's content type").isEqualTo(415);
        assertThat(http("GET", "/api/state", host, cookie(), "Origin: http://attacker.example").status()).isEqualTo(403);
        assertThat(session.dotConfig()).isEqualTo(before);
        assertThat(session.canUndo()).isFalse();
    }

    @Test
    void badRequestsGetAClearErrorAndChangeNothing() throws Exception {
        String before = session.dotConfig();
        Answer unknown = post("/api/set", "{\"symbol\":\"USBB\",\"value\":\"y\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown symbol USBB (did you mean USB?)");
        Answer blocked = post("/api/set", "{\"symbol\":\"USB\",\"value\":\"m\"}");
        assertThat(blocked.status()).isEqualTo(400);
        assertThat(blocked.body()).contains("USB cannot be set to m").contains("PCI");
        assertThat(post("/api/set", "{\"symbol\":").body()).contains("malformed JSON");
        assertThat(post("/api/set", "[1,2]").body()).contains("must be a JSON object");
        assertThat(post("/api/set", "{\"symbol\":\"PCI\"}").body()).contains("missing \\\"value\\\"");
        assertThat(post("/api/enable/apply", "{}").status()).isEqualTo(409);
        assertThat(post("/api/undo", "{}").body()).contains("nothing to undo");
        assertThat(http("GET", "/api/set", host, cookie()).status()).isEqualTo(405);
        assertThat(http("DELETE", "/api/state", host, cookie()).status()).isEqualTo(405);
        assertThat(http("GET", "/api/page?id=99999", host, cookie()).body()).contains("no menu entry 99999");
        assertThat(http("GET", "/api/page?id=x", host, cookie()).body()).contains("must be a number");
        assertThat(http("GET", "/api/search?q=(&regex=1", host, cookie()).body()).contains("not a regular expression");
        assertThat(http("GET", "/api/upgrade", host, cookie()).status()).isEqualTo(404);
        assertThat(session.dotConfig()).isEqualTo(before);
        assertThat(session.canUndo()).isFalse();
        assertThat(dir.resolve(".config")).doesNotExist();
    }

    @Test
    void aServerStartedBeforeItsSessionAnswersOnlyThatItIsLoadingUntilItGetsIt() throws Exception {
        // kconfig4j web starts the server while the tree loads.
        String secret = Guard.newToken();
        try (WebServer early = new WebServer("127.0.0.1", 0, secret)) {
            early.start();
            String at = "127.0.0.1:" + early.port();
            WebServer saved = server;
            server = early;
            try {
                Answer loading = http("GET", "/api/state", at, "Cookie: " + Guard.COOKIE + "=" + secret);
                assertThat(loading.status()).isEqualTo(503);
                assertThat(loading.body()).contains("loading");
                early.serve(session, dir.resolve("defconfig"));
                Answer state = http("GET", "/api/state", at, "Cookie: " + Guard.COOKIE + "=" + secret);
                assertThat(state.status()).isEqualTo(200);
                assertThat(state.body()).contains("\"title\":\"Test kernel\"");
                assertThat(http("GET", "/api/state", at).status()).isEqualTo(403);
            } finally {
                server = saved;
            }
        }
    }

    @Test
    void theStateListsEachWarningWithItsPlaceAndTheSymbolItConcerns() throws Exception {
        ConfigSession warned = new ConfigSession(session.tree(), dir.resolve(".config"), "CONFIG_PCI=m\ngarbage\n");
        String secret = Guard.newToken();
        try (WebServer other = new WebServer(warned, dir.resolve("defconfig"), "127.0.0.1", 0, secret)) {
            other.start();
            WebServer saved = server;
            server = other;
            try {
                Answer state = http("GET", "/api/state", "127.0.0.1:" + other.port(), "Cookie: " + Guard.COOKIE + "=" + secret);
                com.fasterxml.jackson.databind.JsonNode w = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(state.body()).get("warnings");
                String config = dir.resolve(".config").toString();
                assertThat(w).hasSize(2);
                assertThat(w.get(0).toString()).isEqualTo("{\"severity\":\"WARNING\",\"file\":\"" + config
                        + "\",\"line\":1,\"message\":\"symbol value 'm' invalid for PCI\",\"text\":\"" + config
                        + ":1:warning: symbol value 'm' invalid for PCI\",\"symbol\":\"PCI\"}");
                assertThat(w.get(1).get("line").asInt()).isEqualTo(2);
                assertThat(w.get(1).get("message").asText()).isEqualTo("unexpected data: garbage");
                assertThat(w.get(1).get("symbol").isNull()).isTrue();
            } finally {
                server = saved;
            }
        }
    }

    @Test
    void theUpgradeReviewComesInTheReportsOrderWithTheRestCountedByClass() throws Exception {
        // USB_STORAGE (an option) is lost to PCI, which the old config leaves unset; SCSI went with it.
        String old = "CONFIG_MODULES=y\nCONFIG_USB=m\nCONFIG_USB_STORAGE=m\nCONFIG_SCSI=m\nCONFIG_NR=100\n";
        session.reviewUpgradeOf("old.config", old, null);
        assertThat(http("GET", "/api/upgrade", host, cookie()).status()).isEqualTo(202);
        session.upgradeReview();
        com.fasterxml.jackson.databind.JsonNode r = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(http("GET", "/api/upgrade", host, cookie()).body());
        assertThat(r.get("summary").asText()).startsWith("2 options you chose lost (in 1 root cause), 1 other values");
        assertThat(r.get("lost")).hasSize(1);
        com.fasterxml.jackson.databind.JsonNode pci = r.get("lost").get(0);
        assertThat(pci.get("finding").get("symbol").asText()).isEqualTo("PCI");
        assertThat(pci.get("takes").asText()).isEqualTo("2 options you chose");
        assertThat(pci.get("finding").get("fix").get("lines").get(0).asText()).isEqualTo("CONFIG_PCI=y");
        assertThat(r.get("changed").get(0).get("finding").get("symbol").asText()).isEqualTo("NR");
        assertThat(r.get("rest").get(0).get("category").asText()).isEqualTo("NEW_DEFAULT");
        assertThat(r.has("report")).isFalse();
    }

    @Test
    void onlyTheGivenConfigFilesAreWrittenAndNoOtherPathIsServed() throws Exception {
        for (String p : new String[] {"/../../../etc/passwd", "/assets/app.js", "/WebServer.class",
            "/dev/kconfig4j/web/WebServer.class", "/app.js/../../pom.xml", "/%2e%2e/%2e%2e/etc/passwd"}) {
            Answer a = http("GET", p, host, cookie());
            assertThat(a.status()).as(p).isIn(400, 404);
            assertThat(a.body()).as(p).doesNotContain("root:").doesNotContain("CAFEBABE");
        }
        assertThat(post("/api/set", "{\"symbol\":\"PCI\",\"value\":\"y\"}").status()).isEqualTo(200);
        Path elsewhere = dir.resolve("elsewhere.config");
        Answer saved = post("/api/save?path=" + elsewhere, "{\"path\":\"" + elsewhere + "\"}");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(elsewhere).doesNotExist();
        assertThat(Files.readString(dir.resolve(".config"))).contains("CONFIG_PCI=y");
        assertThat(post("/api/save-minimal", "{\"path\":\"" + elsewhere + "\"}").status()).isEqualTo(200);
        assertThat(Files.readString(dir.resolve("defconfig"))).isEqualTo("CONFIG_PCI=y\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("Kconfig", ".config", "defconfig");
        }
    }

    @Test
    void aChangeAndItsConsequencesThroughTheApi() throws Exception {
        assertThat(post("/api/set", "{\"symbol\":\"PCI\",\"value\":\"y\"}").body())
                .contains("{\"symbol\":\"PCI\",\"before\":\"n\",\"after\":\"y\"}").contains("\"visible\":true");
        assertThat(http("GET", "/api/state", host, cookie()).body()).contains("\"canUndo\":true");
        assertThat(http("GET", "/api/page?id=0", host, cookie()).body()).contains("\"valueText\":\"[*]\"");
        assertThat(post("/api/undo", "{}").body()).contains("{\"symbol\":\"PCI\",\"before\":\"y\",\"after\":\"n\"}");
    }
}
