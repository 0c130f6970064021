package dev.kconfig4j.cli;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.conf.ConfRequest;
import dev.kconfig4j.conf.Mode;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.kbuild.LocalModConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kconfig4j localmodconfig}: keep only the modules an lsmod listing shows, as {@code make localmodconfig}. */
@Command(name = "localmodconfig", header = "Exactly `make localmodconfig`: keep only the modules an lsmod listing needs.", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Exactly what `make localmodconfig` gives: the rules of the tree's own scripts/kconfig/streamline_config.pl "
            + "(which =m symbols the loaded modules keep, through the Makefiles' obj-$(CONFIG_X) lines and the Kconfig "
            + "files' depends and selects), then conf --oldconfig on the result (questions about symbols that turning "
            + "modules off made visible are answered from standard input; its transcript goes where the summary goes). "
            + "LMC_KEEP in the environment keeps the symbols of Kconfig files under its colon-separated path prefixes. "
            + "The input config is never modified: the result goes to --output (written atomically), else to standard output."},
        footer = {"", "Exit status: 0 done; 1 bad input (tree, config, lsmod file); 2 bad usage."})
public class LocalmodconfigCommand implements Callable<Integer> {
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

    /** localmodconfig; {@code localyesconfig} overrides it. */
    LocalModConfig.Target target() {
        return LocalModConfig.Target.LOCALMODCONFIG;
    }

    @Override
    public Integer call() throws IOException {
        try {
            String configText = context.readInput(config);
            String lsmodText = context.readInput(lsmod);
            var loaded = LocalModConfig.parseLsmod(lsmod.toString(), lsmodText);
            Kconfig k = tree.withoutSyntax().load(context);
            LocalModConfig.Result r = LocalModConfig.run(k, configText, loaded, target(), context.workingDirectory(),
                    context.environment().get("LMC_KEEP"));
            PrintStream summary = output != null ? context.out() : context.err();
            r.warnings().forEach(w -> summary.println(target().name().toLowerCase() + ": " + w));
            ConfRequest req = new ConfRequest(Mode.OLDCONFIG, null, k.options().file(), true, k.options().environment(),
                    context.workingDirectory(), summary, context.err(), context.in());
            String result = LocalModConfig.oldconfig(k, configText, r, req);
            KbuildCommand.emit(context, output, result);
            summary.printf("%s: %d modules loaded, %d =m symbols kept, %d turned off%s%n", target().name().toLowerCase(),
                    r.loaded().size(), r.kept().size(), r.disabled().size(), r.changed() ? "" : " (config unchanged)");
            return 0;
        } catch (KconfigException e) {
            if (!e.isReported()) {
                context.err().println(e.describe());
            }
            return 1;
        }
    }
}
