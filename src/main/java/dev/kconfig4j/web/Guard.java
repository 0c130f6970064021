package dev.kconfig4j.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Who may talk to the server: the rules that make a local configurator safe to run.
 *
 * <ul>
 *   <li>Every request carries the random token of the printed address (in the address itself the
 *       first time, then in a cookie the server sets, or in a header). Other pages in the browser
 *       and other users of the machine do not know it.</li>
 *   <li>The {@code Host} header must name the server itself ({@code 127.0.0.1:PORT},
 *       {@code localhost:PORT}, {@code [::1]:PORT}, or the address given to {@code --listen}):
 *       a page on another name that resolves to the loopback address (DNS rebinding) is refused.</li>
 *   <li>An {@code Origin} header, when present, must be the server's own: cross-site requests are
 *       refused; requests that change something must carry one (browsers always send it with
 *       {@code fetch} POSTs).</li>
 * </ul>
 */
public final class Guard {
    /** The cookie that carries the token after the first page. */
    public static final String COOKIE = "kconfig4j_token";
    /** The header that may carry the token instead. */
    public static final String HEADER = "X-Kconfig4j-Token";

    private final String token;
    private final Set<String> hosts;

    /**
     * @param token the secret every request must carry
     * @param hosts the host names or addresses (without port) the server answers to
     * @param port the server's port
     */
    public Guard(String token, Set<String> hosts, int port) {
        this.token = token;
        java.util.Set<String> h = new java.util.HashSet<>();
        for (String name : hosts) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.contains(":") && !n.startsWith("[")) {
                n = "[" + n + "]"; // an IPv6 literal as a Host header writes it
            }
            h.add(n + ":" + port);
        }
        this.hosts = Set.copyOf(h);
    }

    /** A new random token: 256 bits, URL-safe. */
    public static String newToken() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public String token() {
        return token;
    }

    /** Whether {@code given} is the token (compared in constant time). */
    public boolean isToken(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a {@code Host} header names this server. */
    public boolean isOwnHost(String host) {
        return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** Whether an {@code Origin} header is this server's own ({@code http://HOST:PORT}). */
    public boolean isOwnOrigin(String origin) {
        if (origin == null) {
            return false;
        }
        try {
            URI u = new URI(origin);
            return "http".equals(u.getScheme()) && u.getRawPath() != null && u.getRawPath().isEmpty()
                    && u.getRawAuthority() != null && isOwnHost(u.getRawAuthority());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /**
     * Why a request is refused, or null when it may go on.
     *
     * @param host the {@code Host} header
     * @param origin the {@code Origin} header (null when absent)
     * @param changes whether the request changes something (POST)
     * @param credential the token the request carries (cookie, header or address), or null
     */
    public String refusal(String host, String origin, boolean changes, String credential) {
        if (!isOwnHost(host)) {
            return "wrong Host: this server answers only to its own address";
        }
        if (origin != null && !isOwnOrigin(origin)) {
            return "cross-site request refused (Origin " + origin + ")";
        }
        if (changes && origin == null) {
            return "a request that changes something must come from the page (no Origin header)";
        }
        if (!isToken(credential)) {
            return "missing or wrong token: open the address kconfig4j web printed";
        }
        return null;
    }
}
