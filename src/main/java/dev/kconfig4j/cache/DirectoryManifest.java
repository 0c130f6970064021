package dev.kconfig4j.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a cached directory (a git revision written out for {@code impact}) holds: every file,
 * directory and symbolic link below it, with its type, its executable bit and the SHA-256 of its
 * content (a link: its target), in a file {@value #NAME} written last, after everything else. A
 * directory is reused only if it is this user's and not writable by others ({@link CacheRoot}), if
 * every entry is too, and if it holds exactly what its manifest says: a run killed while writing,
 * a damaged file, a file added or removed later, all make it be written anew. A marker file alone
 * would say only that a writer once finished.
 */
public final class DirectoryManifest {
    /** The manifest's file name, directly in the directory. */
    public static final String NAME = ".kconfig4j-manifest";

    private DirectoryManifest() {
    }

    /** Writes the manifest of {@code dir} under {@code title} (the commit, say). */
    public static void write(Path dir, String title) throws IOException {
        Files.writeString(dir.resolve(NAME), describe(dir, title), StandardCharsets.UTF_8);
    }

    /**
     * Why {@code dir} must not be reused as the directory described by {@code title}, or null if
     * it may: see the class comment.
     */
    public static String problem(Path dir, String title) {
        String why = CacheRoot.distrust(dir, true);
        if (why != null) {
            return why;
        }
        Path manifest = dir.resolve(NAME);
        if (!Files.exists(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return "has no manifest (incompletely written)";
        }
        why = CacheRoot.distrust(manifest, false);
        if (why != null) {
            return "has a manifest that " + why;
        }
        try {
            String stored = Files.readString(manifest, StandardCharsets.UTF_8);
            String actual = describe(dir, title);
            return stored.equals(actual) ? null : "does not hold what its manifest lists (damaged or changed)";
        } catch (IOException | RuntimeException e) {
            return "cannot be checked: " + e.getMessage();
        }
    }

    /** The manifest text of {@code dir}; throws if an entry must not be trusted. */
    static String describe(Path dir, String title) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                if (p.equals(dir) || p.equals(dir.resolve(NAME))) {
                    continue;
                }
                String name = dir.relativize(p).toString();
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isSymbolicLink()) {
                    lines.add("l " + Files.readSymbolicLink(p) + " " + name);
                    continue;
                }
                String why = CacheRoot.distrust(p, a.isDirectory());
                if (why != null) {
                    throw new IOException(p + " " + why);
                }
                if (a.isDirectory()) {
                    lines.add("d " + name);
                } else {
                    lines.add((Files.isExecutable(p) ? "x " : "f ") + sha256(p) + " " + name);
                }
            }
        }
        StringBuilder text = new StringBuilder("kconfig4j directory manifest 1\n").append(title).append('\n');
        lines.forEach(l -> text.append(l).append('\n'));
        return text.toString();
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
