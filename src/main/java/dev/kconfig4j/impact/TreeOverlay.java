package dev.kconfig4j.impact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A tree that is another tree with some files changed: a fresh directory in which the changed
 * files are real files, the directories on their paths are real directories, and everything else
 * is a symbolic link into the base tree. Creating one costs a few links per changed file; the
 * base tree is never written.
 */
final class TreeOverlay {
    private TreeOverlay() {
    }

    /**
     * Creates the overlay of {@code base} in {@code dir} (which must not exist) with {@code changes}:
     * new text by path relative to the tree, null to delete a file.
     */
    static Path create(Path base, Map<String, String> changes, Path dir) throws IOException {
        Set<Path> onPath = new HashSet<>();
        for (String file : changes.keySet()) {
            for (Path p = Path.of(file).getParent(); p != null; p = p.getParent()) {
                onPath.add(p);
            }
        }
        Files.createDirectories(dir);
        mirror(base, dir, Path.of(""), onPath, changes);
        for (Map.Entry<String, String> e : changes.entrySet()) {
            if (e.getValue() != null) {
                Path target = dir.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue().getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return dir;
    }

    private static void mirror(Path base, Path dir, Path rel, Set<Path> onPath, Map<String, String> changes)
            throws IOException {
        Path from = base.resolve(rel.toString());
        if (!Files.isDirectory(from)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
            for (Path e : entries) {
                Path r = rel.resolve(e.getFileName().toString());
                Path to = dir.resolve(r.toString());
                if (changes.containsKey(r.toString())) {
                    continue; // written (or deleted) by the caller
                }
                if (onPath.contains(r)) {
                    Files.createDirectories(to);
                    mirror(base, dir, r, onPath, changes);
                } else {
                    Files.createSymbolicLink(to, e.toAbsolutePath());
                }
            }
        }
    }
}
