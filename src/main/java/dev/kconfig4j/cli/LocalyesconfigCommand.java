package dev.kconfig4j.cli;

import dev.kconfig4j.kbuild.LocalModConfig;
import picocli.CommandLine.Command;

/** {@code kconfig4j localyesconfig}: as localmodconfig, the kept modules built in, as {@code make localyesconfig}. */
@Command(name = "localyesconfig", header = "Exactly `make localyesconfig`: localmodconfig with the kept modules built in.", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Exactly what `make localyesconfig` gives: localmodconfig's rules (see `kconfig4j localmodconfig --help`), "
            + "and every kept =m symbol set to y, then conf --oldconfig on the result."},
        footer = {"", "Exit status: 0 done; 1 bad input (tree, config, lsmod file); 2 bad usage."})
public final class LocalyesconfigCommand extends LocalmodconfigCommand {
    public LocalyesconfigCommand(Cli.Context context) {
        super(context);
    }

    @Override
    LocalModConfig.Target target() {
        return LocalModConfig.Target.LOCALYESCONFIG;
    }
}
