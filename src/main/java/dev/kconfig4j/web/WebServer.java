package dev.kconfig4j.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.json.Json;
import dev.kconfig4j.session.ConfigSession;
import dev.kconfig4j.session.EnablePlan;
import dev.kconfig4j.session.SearchQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code kconfig4j web}: a {@link ConfigSession} in the browser. An embedded Jetty serves the page
 * (plain JavaScript modules and CSS from the jar) and a JSON API over the session; every request
 * passes the {@link Guard} first.
 *
 * <p>The API: {@code GET /api/state}, {@code /api/page?id=N&all=1}, {@code /api/search?q=...},
 * {@code /api/details?id=N}, {@code /api/entry?symbol=X}, {@code /api/upgrade}; {@code POST}
 * (JSON bodies) {@code /api/set}, {@code /api/undo}, {@code /api/redo}, {@code /api/enable},
 * {@code /api/enable/apply}, {@code /api/upgrade/fix}, {@code /api/save}, {@code /api/save-minimal}.
 * {@code /api/state} lists the session's warnings (loading the tree, then reading the config) as
 * {@code "warnings": [{"severity", "file", "line", "message", "text", "symbol"}]}: a Diagnostic's
 * fields ({@code file} null and {@code line} 0 when none applies; {@code text} the kernel's exact
 * wording) and the symbol it concerns ({@link ConfigSession#concerning}), or null; the page shows
 * each with its {@code file:line}, beside its symbol's row and in its help.
 * A rejected request gets {@code {"error": "..."}} with status 400 (bad input), 403 (refused by the
 * guard), 404 or 405, and changes nothing. Requests never name files: the server writes only the
 * session's config (with its {@code .config.old}) and the minimal config file it was given.
 */
public final class WebServer implements AutoCloseable {
    private static final int MAX_BODY = 64 * 1024;
    private static final Map<String, String> ASSETS = Map.of(
            "/app.js", "text/javascript; charset=utf-8",
            "/app.css", "text/css; charset=utf-8");

    /** Null until {@link #serve} gives it: the server can start while the tree loads. */
    private volatile ConfigSession session;
    private volatile Path minimalPath;
    private final Server server;
    private final ServerConnector connector;
    private final String listen;
    private final String token;
    /** Set once the server listens (it needs the port). */
    private volatile Guard guard;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kconfig4j-web-background");
        t.setDaemon(true);
        return t;
    });
    /** The last enable plan shown, applied by {@code /api/enable/apply} (never one sent by the page). */
    private EnablePlan lastPlan;
    private volatile String upgradeError;

    /**
     * A server for {@code session}, which {@link #start} starts.
     *
     * @param session the session to serve
     * @param minimalPath where "save minimal" writes (the only other file the server writes)
     * @param listen the address to listen on ({@code 127.0.0.1} unless told otherwise)
     * @param port the port (0: any free one)
     * @param token the secret of the address (see {@link Guard#newToken()})
     */
    public WebServer(ConfigSession session, Path minimalPath, String listen, int port, String token) {
        this(listen, port, token);
        this.session = session;
        this.minimalPath = minimalPath;
    }

    /**
     * A server without its session yet: {@link #start} it while the tree loads (starting Jetty and
     * the JSON encoder is most of what a cold JVM does before the first page), then give it the
     * session with {@link #serve}. Until then it answers every request with 503.
     */
    public WebServer(String listen, int port, String token) {
        this.listen = listen;
        this.token = token;
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("kconfig4j-web");
        pool.setDaemon(true);
        server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(listen);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                serve(request, response, callback);
                return true;
            }
        });
    }

    /** Whether {@code listen} is a loopback address (the only safe default). */
    public static boolean isLoopback(String listen) {
        try {
            return InetAddress.getByName(listen).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts listening, with the JSON encoder's serializers for the answers of the first page and
     * the page's files ready; with a session, also its main menu (see {@link #serve}).
     */
    public void start() throws Exception {
        // Building a serializer is slow the first time (Jackson's introspection); these are the
        // answers of the first page and of a change.
        for (Class<?> answer : List.of(dev.kconfig4j.session.MenuPage.class, dev.kconfig4j.session.Change.class,
                LinkedHashMap.class)) {
            Json.prepare(answer);
        }
        for (String name : ASSETS.keySet()) {
            assetBytes(name);
        }
        assetBytes("/index.html");
        Set<String> names = new java.util.HashSet<>(Set.of("127.0.0.1", "localhost", "::1"));
        names.add(listen);
        server.start();
        guard = new Guard(token, names, port());
        answerOnce();
        if (session != null) {
            serve(session, minimalPath);
        }
    }

    /**
     * Asks itself for one answer (refused: it carries no token), so that the classes of Jetty's
     * request path are loaded before the browser's first request rather than during it.
     */
    private void answerOnce() {
        try {
            InetAddress at = InetAddress.getByName(listen);
            try (java.net.Socket s = new java.net.Socket(at.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : at,
                    port())) {
                s.setSoTimeout(5000);
                s.getOutputStream().write(("GET /api/state HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                s.getInputStream().readAllBytes();
            }
        } catch (IOException e) {
            // Only a head start: the first real request then loads them.
        }
    }

    /**
     * Serves {@code session} from now on, "save minimal" writing to {@code minimalPath}. The main
     * menu is prepared once first (the page's code and its JSON warmed up), so that the first page
     * the browser asks for comes at once.
     */
    public void serve(ConfigSession session, Path minimalPath) throws IOException {
        Json.compact(session.page(0, false));
        this.minimalPath = minimalPath;
        this.session = session;
        Json.compact(state());
    }

    /**
     * The slow answers (the upgrade review, the Makefiles) are prepared in the background once the
     * first page has been served, so that they do not slow it down.
     */
    private void prepareInBackground() {
        if (!backgroundStarted.compareAndSet(false, true)) {
            return;
        }
        background.submit(session::prepareChanges);
        if (session.hasUpgradeReview()) {
            background.submit(() -> {
                try {
                    session.upgradeReview();
                } catch (RuntimeException e) {
                    upgradeError = e.getMessage();
                }
            });
        }
        background.submit(session::kbuild);
    }

    private final java.util.concurrent.atomic.AtomicBoolean backgroundStarted = new java.util.concurrent.atomic.AtomicBoolean();

    public int port() {
        return connector.getLocalPort();
    }

    /** The address to open: with the token, which the page then keeps in a cookie. */
    public String address() {
        String host = listen.contains(":") ? "[" + listen + "]" : listen;
        if (isLoopback(listen) && listen.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        return "http://" + host + ":" + port() + "/?token=" + token;
    }

    /** Prints the address and, when the server listens beyond this machine, the warning. */
    public void announce(PrintStream out, PrintStream err) {
        if (!isLoopback(listen)) {
            err.println("kconfig4j web: WARNING: listening on " + listen + ", not only on this machine's loopback"
                    + " interface: anyone who can reach it and learns the address's token can change and save your config");
        }
        out.println("kconfig4j web: open " + address());
        out.flush();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        background.shutdownNow();
        server.stop();
    }

    // ======================================================================

    private void serve(Request request, Response response, Callback callback) {
        org.eclipse.jetty.http.HttpFields.Mutable h = response.getHeaders();
        h.put("Cache-Control", "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        boolean post = "POST".equals(method);
        Fields query;
        try {
            query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            send(response, callback, 400, Map.of("error", "malformed query string"));
            return;
        }
        String credential = request.getHeaders().get(HEADER_TOKEN);
        if (credential == null) {
            for (HttpCookie c : Request.getCookies(request)) {
                if (Guard.COOKIE.equals(c.getName())) {
                    credential = c.getValue();
                }
            }
        }
        boolean firstVisit = "/".equals(path) && "GET".equals(method) && query.getValue("token") != null;
        if (firstVisit) {
            credential = query.getValue("token");
        }
        if (guard == null) {
            send(response, callback, 503, Map.of("error", "the server is starting"));
            return;
        }
        String refusal = guard.refusal(request.getHeaders().get(HttpHeader.HOST),
                request.getHeaders().get(HttpHeader.ORIGIN), post, credential);
        if (refusal != null) {
            send(response, callback, 403, Map.of("error", refusal));
            return;
        }
        if (!post && !"GET".equals(method)) {
            send(response, callback, 405, Map.of("error", "method " + method + " not allowed"));
            return;
        }
        if (session == null) {
            send(response, callback, 503, Map.of("error", "the tree is still loading"));
            return;
        }
        try {
            if (path.equals("/") || path.equals("/index.html")) {
                if (post) {
                    send(response, callback, 405, Map.of("error", "GET only"));
                    return;
                }
                if (firstVisit) {
                    // The token moves into a cookie only this server sees, and leaves the address bar.
                    Response.addCookie(response, HttpCookie.build(Guard.COOKIE, credential).path("/").httpOnly(true)
                            .sameSite(HttpCookie.SameSite.STRICT).build());
                    Response.sendRedirect(request, response, callback, 303, "/", true);
                    return;
                }
                asset(response, callback, "/index.html", "text/html; charset=utf-8");
                return;
            }
            String type = ASSETS.get(path);
            if (type != null) {
                asset(response, callback, path, type);
                return;
            }
            if (!path.startsWith("/api/")) {
                send(response, callback, 404, Map.of("error", "no such page: " + path));
                return;
            }
            JsonNode body = post ? body(request) : null;
            Object result = api(path.substring("/api/".length()), post, query, body);
            if (result == null) {
                send(response, callback, 404, Map.of("error", "no such request: " + method + " " + path));
                return;
            }
            if (result instanceof Status s) {
                send(response, callback, s.code(), s.body());
                return;
            }
            send(response, callback, 200, result);
            if (path.equals("/api/page")) {
                prepareInBackground();
            }
        } catch (KconfigException e) {
            send(response, callback, 400, Map.of("error", e.getMessage()));
        } catch (BadRequest e) {
            send(response, callback, e.status, Map.of("error", e.getMessage()));
        } catch (IOException e) {
            send(response, callback, 500, Map.of("error", "could not write: " + e.getMessage()));
        } catch (RuntimeException e) {
            send(response, callback, 500, Map.of("error", "internal error: " + e));
        }
    }

    private static final String HEADER_TOKEN = Guard.HEADER;

    /** A response other than 200. */
    private record Status(int code, Object body) {
    }

    /** A request that is malformed, for the page to show. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** The answer to an API request; null for an unknown one. */
    private Object api(String name, boolean post, Fields q, JsonNode body) throws IOException {
        if (!post) {
            return switch (name) {
                case "state" -> state();
                case "page" -> session.page(intParam(q, "id", 0), flag(q, "all"));
                case "details" -> session.details(intParam(q, "id", -1), false);
                case "entry" -> entry(required(q, "symbol"));
                case "search" -> session.search(query(q));
                case "upgrade" -> upgrade();
                default -> writes(name) ? new Status(405, Map.of("error", "POST only")) : null;
            };
        }
        return switch (name) {
            case "set" -> session.set(text(body, "symbol"), text(body, "value"));
            case "undo" -> session.undo();
            case "redo" -> session.redo();
            case "enable" -> {
                List<String> requests = new ArrayList<>();
                JsonNode r = body.get("requests");
                if (r == null || !r.isArray() || r.isEmpty()) {
                    throw new BadRequest(400, "give \"requests\": a list such as [\"BTRFS_DEBUG\"]");
                }
                r.forEach(x -> requests.add(x.asText()));
                EnablePlan plan = session.enable(requests);
                synchronized (this) {
                    lastPlan = plan;
                }
                yield plan;
            }
            case "enable/apply" -> {
                EnablePlan plan;
                synchronized (this) {
                    plan = lastPlan;
                    lastPlan = null;
                }
                if (plan == null) {
                    throw new BadRequest(409, "no enable plan to apply: ask for one first");
                }
                yield session.apply(plan);
            }
            case "upgrade/fix" -> {
                if (!session.hasUpgradeReview() || !session.upgradeReviewReady()) {
                    throw new BadRequest(409, "the upgrade review is not ready");
                }
                JsonNode s = body.get("symbol");
                yield session.applyFix(s == null || s.isNull() ? null : s.asText());
            }
            case "save" -> session.save();
            case "save-minimal" -> session.saveMinimal(minimalPath);
            default -> writes(name) || isRead(name) ? new Status(405, Map.of("error", "GET only")) : null;
        };
    }

    private static boolean writes(String name) {
        return Set.of("set", "undo", "redo", "enable", "enable/apply", "upgrade/fix", "save", "save-minimal")
                .contains(name);
    }

    private static boolean isRead(String name) {
        return Set.of("state", "page", "details", "entry", "search", "upgrade").contains(name);
    }

    /** A warning as the page gets it: the Diagnostic's fields, and the symbol it concerns (or null). */
    private record Warning(@com.fasterxml.jackson.annotation.JsonUnwrapped Diagnostic diagnostic, String symbol) {
    }

    private Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", session.tree().mainMenu());
        m.put("config", String.valueOf(session.configPath()));
        m.put("minimal", String.valueOf(minimalPath));
        m.put("dialect", session.tree().dialect().version());
        m.put("canUndo", session.canUndo());
        m.put("canRedo", session.canRedo());
        m.put("upgrade", session.hasUpgradeReview());
        m.put("warnings", session.diagnostics().stream().map(d -> new Warning(d, session.concerning(d))).toList());
        return m;
    }

    private Map<String, Object> entry(String symbol) {
        int id = session.entryOf(symbol);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entry", id);
        var hits = session.search(new SearchQuery("^" + java.util.regex.Pattern.quote(symbol.replaceFirst("^CONFIG_", ""))
                + "$", true, EnumSet.of(SearchQuery.Field.NAME), false, false, false, null, 50));
        for (var h : hits) {
            if (h.entry() == id) {
                m.put("page", h.page());
            }
        }
        return m;
    }

    private Object upgrade() {
        if (!session.hasUpgradeReview()) {
            throw new BadRequest(404, "no old config was given (start kconfig4j web with --old-config)");
        }
        if (upgradeError != null) {
            throw new BadRequest(500, "the upgrade review failed: " + upgradeError);
        }
        if (!session.upgradeReviewReady()) {
            return new Status(202, Map.of("pending", true));
        }
        return session.upgradeReview();
    }

    private static SearchQuery query(Fields q) {
        EnumSet<SearchQuery.Field> fields = EnumSet.noneOf(SearchQuery.Field.class);
        String f = q.getValue("fields");
        if (f != null && !f.isBlank()) {
            for (String name : f.split(",")) {
                try {
                    fields.add(SearchQuery.Field.valueOf(name.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new BadRequest(400, "unknown search field " + name + " (name, prompt, help, file, kbuild)");
                }
            }
        }
        String by = q.getValue("selectedBy");
        return new SearchQuery(q.getValue("q"), flag(q, "regex"), fields, flag(q, "changed"), flag(q, "new"),
                flag(q, "hidden"), by == null || by.isBlank() ? null : by, intParam(q, "limit", 200));
    }

    private static boolean flag(Fields q, String name) {
        String v = q.getValue(name);
        return v != null && (v.equals("1") || v.equals("true"));
    }

    private static int intParam(Fields q, String name, int dflt) {
        String v = q.getValue(name);
        if (v == null) {
            if (dflt < 0) {
                throw new BadRequest(400, "missing parameter " + name);
            }
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "parameter " + name + " must be a number, not '" + v + "'");
        }
    }

    private static String required(Fields q, String name) {
        String v = q.getValue(name);
        if (v == null || v.isBlank()) {
            throw new BadRequest(400, "missing parameter " + name);
        }
        return v;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            throw new BadRequest(400, "missing \"" + field + "\" in the request");
        }
        return v.asText();
    }

    private JsonNode body(Request request) throws IOException {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            // Also what keeps a plain HTML form on another site from posting here.
            throw new BadRequest(415, "requests that change something must be JSON (Content-Type: application/json)");
        }
        long length = request.getLength();
        if (length > MAX_BODY) {
            throw new BadRequest(413, "request too large");
        }
        String text;
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new BadRequest(413, "request too large");
            }
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        if (text.isBlank()) {
            return Json.object();
        }
        try {
            JsonNode n = Json.parse(text);
            if (n == null || !n.isObject()) {
                throw new BadRequest(400, "the request must be a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest(400, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private void asset(Response response, Callback callback, String name, String type) throws IOException {
        byte[] bytes = assetBytes(name);
        if (bytes == null) {
            send(response, callback, 404, Map.of("error", "missing asset " + name));
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** The page's files, read from the jar once; null for a name that is not one of them. */
    private byte[] assetBytes(String name) throws IOException {
        byte[] cached = assets.get(name);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = WebServer.class.getResourceAsStream("assets" + name)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            assets.put(name, bytes);
            return bytes;
        }
    }

    private final Map<String, byte[]> assets = new java.util.concurrent.ConcurrentHashMap<>();

    private void send(Response response, Callback callback, int status, Object body) {
        byte[] bytes;
        try {
            bytes = Json.compact(body);
        } catch (IOException e) {
            status = 500;
            bytes = "{\"error\":\"could not encode the answer\"}".getBytes(StandardCharsets.UTF_8);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
