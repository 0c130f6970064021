package dev.kconfig4j.cli;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.KconfigException;
import dev.kconfig4j.kbuild.KbuildMap;
import dev.kconfig4j.kbuild.LocalModConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kconfig4j localmodconfig}: keep only the modules an lsmod listing shows. */
@Command(name = "localmodconfig", header = "Like `make localmodconfig`: keep only the modules an lsmod listing needs.", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = "Like `make localmodconfig`: turns off every =m symbol no loaded module needs, keeps what the "
            + "loaded modules need (Kconfig dependencies and selects, evaluated like olddefconfig), and reports "
            + "loaded modules this tree does not build from the config. The input config is never modified: "
            + "the result goes to --output (written atomically), else to standard output.",
        footer = {"", "Exit status: 0 done; 1 bad input (tree, config, lsmod file); 2 bad usage."})
public final class LocalmodconfigCommand implements Callable<Integer> {
    private final Cli.Context context;

    @picocli.CommandLine.Mixin
    TreeOptions tree = new TreeOptions();

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The config to reduce.")
    Path config;

    @Option(names = "--lsmod", required = true, paramLabel = "FILE", description = "The output of lsmod on the target machine.")
    Path lsmod;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the new config here (the summary then goes to standard output).")
    Path output;

    public LocalmodconfigCommand(Cli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        try {
            String configText = context.readInput(config);
            String lsmodText = context.readInput(lsmod);
            var loaded = LocalModConfig.parseLsmod(lsmod.toString(), lsmodText);
            Kconfig k = tree.load(context);
            KbuildMap map = KbuildCommand.map(context, tree);
            LocalModConfig.Result r = LocalModConfig.run(k, map, config.toString(), configText, loaded, context.err());
            KbuildCommand.emit(context, output, r.config());
            PrintStream summary = output != null ? context.out() : context.err();
            summary.printf("localmodconfig: %d modules loaded, %d =m symbols kept, %d turned off%s%n", r.loaded().size(),
                    r.kept().size(), r.disabled().size(),
                    r.restored().isEmpty() ? "" : " (" + r.restored().size() + " given back for Kconfig dependencies: "
                            + String.join(" ", r.restored()) + ")");
            if (!r.unmapped().isEmpty()) {
                summary.println("localmodconfig: not built as modules by this tree and config (kept nothing for them): "
                        + String.join(" ", r.unmapped()));
            }
            if (!r.notBuilt().isEmpty()) {
                summary.println("localmodconfig: loaded modules the new config cannot build: " + String.join(" ", r.notBuilt()));
            }
            return 0;
        } catch (KconfigException e) {
            if (!e.isReported()) {
                context.err().println(e.describe());
            }
            return 1;
        }
    }
}
