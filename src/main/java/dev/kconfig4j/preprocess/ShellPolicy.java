package dev.kconfig4j.preprocess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code $(shell,...)} may do. Kconfig files run shell commands (every {@code cc-option}
 * probe), so loading an untrusted tree runs whatever it contains, exactly as the kernel's tool
 * would; a careful operator picks another policy:
 * <ul>
 *   <li>{@link Mode#ALLOW} (the default, as the kernel): commands run.</li>
 *   <li>{@link Mode#DENY}: no command runs; the first {@code $(shell,...)} stops the load with an
 *       error naming the file, line and command.</li>
 *   <li>{@link Mode#DENY_FALLBACK} ({@code deny=TEXT}): no command runs; each expands to TEXT,
 *       with a warning naming the file, line and command, and the load goes on. With
 *       {@code deny=n} every compiler probe reads as failed: the result is that of a toolchain
 *       without optional features.</li>
 *   <li>{@link Mode#RECORD}: commands run, and each command with its output is written to a file
 *       when the load finishes.</li>
 *   <li>{@link Mode#REPLAY}: no command runs; outputs come from a recorded file, keyed by the
 *       exact command text, so an untrusted tree can be analysed offline and deterministically. A
 *       command missing from the recording is an error.</li>
 * </ul>
 * The recording is JSON: {@code {"version":1,"commands":[{"command":..., "stdout":base64,
 * "stderr":base64}, ...]}}.
 * One policy may serve several trees loaded at once (impact analysis loads them in parallel): it
 * is thread-safe.
 */
public final class ShellPolicy {

    /** The policies. */
    public enum Mode { ALLOW, DENY, DENY_FALLBACK, RECORD, REPLAY }

    private final Mode mode;
    private final Path file;
    private final String fallback;
    private final Map<String, ProbeCache.Result> recorded = new LinkedHashMap<>();

    private ShellPolicy(Mode mode, Path file) {
        this(mode, file, null);
    }

    private ShellPolicy(Mode mode, Path file, String fallback) {
        this.mode = mode;
        this.file = file;
        this.fallback = fallback;
    }

    public static ShellPolicy allow() {
        return new ShellPolicy(Mode.ALLOW, null);
    }

    public static ShellPolicy deny() {
        return new ShellPolicy(Mode.DENY, null);
    }

    /** Runs nothing; every command expands to {@code fallback}, with a warning. */
    public static ShellPolicy denyWithFallback(String fallback) {
        return new ShellPolicy(Mode.DENY_FALLBACK, null, fallback);
    }

    /** Runs commands and writes them with their outputs to {@code file} on {@link #finish()}. */
    public static ShellPolicy record(Path file) {
        return new ShellPolicy(Mode.RECORD, file);
    }

    /** Runs nothing; answers from a recording made with {@link #record(Path)}. */
    public static ShellPolicy replay(Path file) {
        ShellPolicy p = new ShellPolicy(Mode.REPLAY, file);
        try {
            JsonNode root = Json.read(file);
            if (root.path("version").asInt() != 1) {
                throw new KconfigException(file + ": not a kconfig4j shell recording (version 1)");
            }
            Base64.Decoder b64 = Base64.getDecoder();
            for (JsonNode c : root.path("commands")) {
                p.recorded.putIfAbsent(c.path("command").asText(), new ProbeCache.Result(
                        b64.decode(c.path("stdout").asText()), b64.decode(c.path("stderr").asText())));
            }
        } catch (IOException e) {
            throw new KconfigException(file + ": cannot read shell recording: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new KconfigException(file + ": corrupt shell recording: " + e.getMessage());
        }
        return p;
    }

    /**
     * The policy a command-line value names: {@code allow}, {@code deny}, {@code record=FILE} or
     * {@code replay=FILE}.
     */
    public static ShellPolicy parse(String spec, Path base) {
        if (spec == null || spec.equals("allow")) {
            return allow();
        }
        if (spec.equals("deny")) {
            return deny();
        }
        if (spec.startsWith("deny=")) {
            return denyWithFallback(spec.substring(5));
        }
        if (spec.startsWith("record=")) {
            return record(base.resolve(spec.substring(7)));
        }
        if (spec.startsWith("replay=")) {
            return replay(base.resolve(spec.substring(7)));
        }
        throw new KconfigException(
                "unknown shell policy '" + spec + "' (allow, deny, deny=TEXT, record=FILE, replay=FILE)");
    }

    public Mode mode() {
        return mode;
    }

    /** Whether commands may run. */
    boolean runs() {
        return mode == Mode.ALLOW || mode == Mode.RECORD;
    }

    /** Checks a command before it would run: DENY refuses, REPLAY answers; null means "run it". */
    ProbeCache.Result before(String command, String where, int line, Diagnostics warnings) {
        switch (mode) {
            case DENY_FALLBACK -> {
                warnings.warning(where, line, "shell command not run (shell policy deny=" + fallback + "): " + command);
                return new ProbeCache.Result(fallback.getBytes(StandardCharsets.UTF_8), new byte[0]);
            }
            case DENY -> throw new KconfigException(where, line,
                    "shell command not run (shell policy deny): " + command
                            + " (to analyse the tree without running it, use --shell=deny=n or --shell=replay=FILE)");
            case REPLAY -> {
                ProbeCache.Result r = recorded.get(command);
                if (r == null) {
                    throw new KconfigException(where, line,
                            "shell command not in the recording " + file + " (shell policy replay): " + command
                                    + " (record the tree again with --shell=record=FILE)");
                }
                return r;
            }
            default -> {
                return null;
            }
        }
    }

    /** Notes a command's output (RECORD keeps the first output of each command). */
    synchronized void after(String command, ProbeCache.Result result) {
        if (mode == Mode.RECORD) {
            recorded.putIfAbsent(command, result);
        }
    }

    /** Writes the recording (RECORD), atomically. */
    public synchronized void finish() {
        if (mode != Mode.RECORD) {
            return;
        }
        ObjectNode root = Json.object();
        root.put("version", 1);
        ArrayNode commands = root.putArray("commands");
        Base64.Encoder b64 = Base64.getEncoder();
        recorded.forEach((cmd, r) -> commands.addObject().put("command", cmd)
                .put("stdout", b64.encodeToString(r.stdout()))
                .put("stderr", b64.encodeToString(r.stderr() == null ? new byte[0] : r.stderr())));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, Json.write(root),
                    StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new KconfigException(file + ": cannot write shell recording: " + e.getMessage());
        }
    }
}
