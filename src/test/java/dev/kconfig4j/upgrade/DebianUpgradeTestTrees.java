package dev.kconfig4j.upgrade;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.conformance.GoldenCase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a golden case's tree with the case's environment. */
final class DebianUpgradeTestTrees {
    private DebianUpgradeTestTrees() {
    }

    static Kconfig tree(Path shared, String caseId) throws IOException {
        GoldenCase c = GoldenCase.byId(shared, caseId);
        Path srctree = shared.resolve(c.tree()).toRealPath();
        Path out = Files.createTempDirectory("kconfig4j-kernel-image-");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return Kconfig.load(Kconfig.Options.of(srctree, "Kconfig", c.environment(srctree, out), out), quiet, quiet);
    }
}
