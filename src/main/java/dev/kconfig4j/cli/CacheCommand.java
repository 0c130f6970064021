package dev.kconfig4j.cli;

import dev.kconfig4j.preprocess.ProbeCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kconfig4j cache}: where the probe cache is, and clearing it. */
@Command(name = "cache", mixinStandardHelpOptions = true, header = "Show or clear the cache of $(shell,...) probe results and git revisions.", description = {
    "The probe cache: results of the trees' $(shell,...) probes, reused while the command, the environment",
    "and the programs it names are unchanged (KCONFIG4J_PROBE_CACHE=off disables it); beside it, the",
    "git revisions `impact` has read (their Kconfig files and Makefiles, one directory per commit)."})
public final class CacheCommand implements Callable<Integer> {
    private final Cli.Context context;

    @Option(names = "--clear", description = "Delete every cached probe result.")
    boolean clear;

    public CacheCommand(Cli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        ProbeCache cache = ProbeCache.forEnvironment(context.environment());
        if (!cache.isEnabled()) {
            context.out().println("probe cache: off");
            return 0;
        }
        if (clear) {
            cache.clear();
            context.out().println("probe cache cleared: " + cache.directory());
            Path trees = cache.directory().resolveSibling("trees");
            if (Files.isDirectory(trees)) {
                try (Stream<Path> s = Files.walk(trees)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                context.out().println("git revisions cleared: " + trees);
            }
        } else {
            context.out().println("probe cache: " + cache.directory());
        }
        return 0;
    }
}
