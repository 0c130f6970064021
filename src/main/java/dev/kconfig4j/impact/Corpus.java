package dev.kconfig4j.impact;

import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.impact.ImpactAnalysis.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The configs an impact analysis evaluates: the after tree's defconfigs (of the arches asked
 * for) and the config files given, each with its arch and how it is used.
 */
final class Corpus {
    private Corpus() {
    }

    /**
     * One config of the corpus, read.
     *
     * @param full whether it is a full .config, used as it is (else a defconfig, expanded)
     */
    record Item(String name, String arch, String text, String origin, boolean full) {
    }

    static List<Item> read(Options options, Path beforeDir, Path afterDir) throws IOException {
        List<Item> items = new ArrayList<>();
        if (options.defconfigs()) {
            Path archDir = afterDir.resolve("arch");
            List<String> arches = new ArrayList<>();
            if (Files.isDirectory(archDir)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(archDir)) {
                    for (Path a : ds) {
                        if (Files.isDirectory(a.resolve("configs"))) {
                            arches.add(a.getFileName().toString());
                        }
                    }
                }
            }
            Collections.sort(arches);
            for (String wanted : options.arches()) {
                if (!arches.contains(wanted)) {
                    throw new KconfigException("--arch " + wanted + ": the after tree has no arch/" + wanted + "/configs");
                }
            }
            for (String arch : arches) {
                if (!options.arches().isEmpty() && !options.arches().contains(arch)) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(archDir.resolve(arch).resolve("configs"),
                        "*defconfig")) {
                    for (Path f : ds) {
                        if (Files.isRegularFile(f)) {
                            names.add(f.getFileName().toString());
                        }
                    }
                }
                Collections.sort(names);
                for (String name : names) {
                    String rel = "arch/" + arch + "/configs/" + name;
                    Path inBefore = beforeDir.resolve(rel);
                    boolean before = Files.isRegularFile(inBefore);
                    items.add(new Item(rel, arch, read(before ? inBefore : afterDir.resolve(rel)),
                            before ? "defconfig of the before tree, expanded there"
                                    : "defconfig new in the after tree (read from there), expanded in the before tree",
                            false));
                }
            }
        }
        for (ConfigInput c : options.configs()) {
            Path f = options.workingDirectory().resolve(c.file());
            if (Files.isDirectory(f)) {
                List<Path> files = new ArrayList<>();
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(f)) {
                    for (Path p : ds) {
                        if (Files.isRegularFile(p)) {
                            files.add(p);
                        }
                    }
                }
                Collections.sort(files);
                for (Path p : files) {
                    items.add(given(p, c.arch()));
                }
            } else if (Files.isRegularFile(f)) {
                items.add(given(f, c.arch()));
            } else {
                throw new KconfigException(c.file() + ": no such file or directory");
            }
        }
        return items;
    }

    private static Item given(Path file, String arch) throws IOException {
        String text = read(file);
        String a = arch != null ? arch : ConfigInput.detectArch(text);
        if (a == null) {
            throw new KconfigException(file + ":1: cannot tell the architecture of this config; give it as ARCH:"
                    + file.getFileName());
        }
        boolean full = text.contains("\n# Automatically generated file; DO NOT EDIT.\n")
                || text.startsWith("# Automatically generated file; DO NOT EDIT.\n");
        return new Item(file.getFileName().toString(), a, text, (full ? "full .config used as it is: " : "defconfig ")
                + file + (full ? "" : ", expanded in the before tree"), full);
    }

    static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    }
}
