package dev.kconfig4j.cli;

import dev.kconfig4j.cache.CacheRoot;
import dev.kconfig4j.preprocess.ProbeCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kconfig4j cache}: where the caches are and what they hold, and clearing them. */
@Command(name = "cache", mixinStandardHelpOptions = true,
        header = "Show or clear the caches: probe results, parsed trees and git revisions.", description = {
            "All caches live in one private directory (mode 0700): $KCONFIG4J_CACHE_DIR, else "
                + "$XDG_CACHE_HOME/kconfig4j, else ~/.cache/kconfig4j.",
            "",
            "probes/: results of the trees' $(shell,...) probes, reused while the command, the environment, "
                + "the compiler's version line and the programs it names are unchanged "
                + "(KCONFIG4J_PROBE_CACHE=off disables it and the snapshots).",
            "snapshots/: parsed trees, reused while every file read, the environment and every probe answer "
                + "are unchanged (KCONFIG4J_SNAPSHOTS=off disables them).",
            "trees/: the git revisions `impact` has read."})
public final class CacheCommand implements Callable<Integer> {
    /** The directories shown, with what they hold. */
    private static final String[][] PARTS = {
        {CacheRoot.PROBES, "probe results"},
        {CacheRoot.SNAPSHOTS, "parsed trees"},
        {CacheRoot.TREES, "git revisions"},
    };

    private final Cli.Context context;

    @Option(names = "--clear", description = "Delete everything cached: probe results, parsed trees and git revisions.")
    boolean clear;

    public CacheCommand(Cli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        ProbeCache cache = ProbeCache.forEnvironment(context.environment(), context.err());
        if (!cache.isEnabled()) {
            context.out().println("probe cache: off");
            return 0;
        }
        if (clear) {
            cache.clear();
            context.out().println("probe cache cleared: " + cache.directory());
            for (String[] part : PARTS) {
                Path dir = cache.directory().resolveSibling(part[0]);
                if (!part[0].equals(CacheRoot.PROBES) && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    try (Stream<Path> s = Files.walk(dir)) {
                        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                    context.out().println(part[1] + " cleared: " + dir);
                }
            }
            return 0;
        }
        Path root = cache.directory().getParent();
        context.out().println("cache: " + root);
        for (String[] part : PARTS) {
            Path dir = root.resolve(part[0]);
            long files = 0;
            long bytes = 0;
            if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : (Iterable<Path>) s::iterator) {
                        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                        if (a.isRegularFile()) {
                            files++;
                            bytes += a.size();
                        }
                    }
                }
            }
            context.out().printf(java.util.Locale.ROOT, "  %-11s %7d files %9.1f MiB  %s%n", part[0] + "/", files, bytes / (1024.0 * 1024.0),
                    part[1]);
        }
        return 0;
    }
}
