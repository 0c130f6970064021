package dev.kconfig4j.cli;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.KconfigException;
import dev.kconfig4j.preprocess.ShellPolicy;
import dev.kconfig4j.session.ConfigSession;
import dev.kconfig4j.web.Guard;
import dev.kconfig4j.web.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kconfig4j web}: the configuration session in the browser. */
@Command(name = "web", header = "Configure a kernel in the browser: menus, why, enable and upgrade review in one page.",
        sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {
            "Starts a local server for the config and prints the address to open (with its secret token).",
            "The page shows the menus as menuconfig does, edits values with the kernel's rules and shows what",
            "else changed (undo, redo), searches names, prompts, help, files and built objects, explains every",
            "value, finds the lines that enable a blocked option, and with --old-config reviews an upgrade.",
            "Saving writes the config as the kernel's conf writes it (the previous one kept as .config.old);",
            "\"save minimal\" writes the savedefconfig form to --minimal. No other file is written.",
            "Without --config: $KCONFIG_CONFIG, else ./.config. A config that does not exist yet starts from",
            "--old-config when given (the upgrade), else from the defaults. Stop with Ctrl-C."},
        footer = {"", "Exit status: 0 stopped; 1 bad input (tree, config) or the port is taken; 2 bad usage."})
public final class WebCommand implements Callable<Integer> {
    private final Cli.Context context;

    @Option(names = "--config", paramLabel = "FILE", description = "The config to edit and save.")
    Path config;

    @Option(names = "--old-config", paramLabel = "FILE",
            description = "A config from an older kernel: review what carrying it to this tree changes, with fixes.")
    Path oldConfig;

    @Option(names = "--old-srctree", paramLabel = "TREE", description = "The tree --old-config came from (sharper causes).")
    Path oldSrctree;

    @Option(names = "--minimal", paramLabel = "FILE", description = "Where \"save minimal\" writes (default: defconfig beside the config).")
    Path minimal;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "The port (default: any free one).")
    int port;

    @Option(names = "--listen", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only; anything else warns).")
    String listen;

    @Option(names = "--open", description = "Open the address in the browser.")
    boolean open;

    @picocli.CommandLine.Mixin
    TreeOptions treeOptions = new TreeOptions();

    public WebCommand(Cli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            context.err().println("kconfig4j web: --port must be between 0 and 65535");
            return 2;
        }
        try {
            ShellPolicy policy = treeOptions.policy(context);
            Kconfig tree = treeOptions.load(context, treeOptions.tree(context), treeOptions.dialect, policy);
            Path file = context.workingDirectory().resolve(configFile());
            String text = Files.isRegularFile(file) ? context.readInput(file) : null;
            String oldText = oldConfig == null ? null : context.readInput(oldConfig);
            ConfigSession session = new ConfigSession(tree, file, text != null ? text : oldText);
            if (oldConfig != null) {
                Kconfig oldTree = oldSrctree == null ? null
                        : treeOptions.load(context, context.workingDirectory().resolve(oldSrctree), null, policy);
                session.reviewUpgradeOf(oldConfig.toString(), oldText, oldTree);
            }
            Path min = minimal != null ? context.workingDirectory().resolve(minimal) : file.resolveSibling("defconfig");
            WebServer server = new WebServer(session, min, listen, port, Guard.newToken());
            try {
                server.start();
            } catch (java.io.IOException e) {
                context.err().println("kconfig4j web: cannot listen on " + listen + ":" + port + ": " + e.getMessage());
                return 1;
            }
            server.announce(context.out(), context.err());
            if (open) {
                openBrowser(server.address());
            }
            server.join();
            return 0;
        } catch (KconfigException e) {
            if (!e.isReported()) {
                context.err().println(e.describe());
            }
            return 1;
        }
    }

    /** --config, else $KCONFIG_CONFIG, else .config (as the kernel's tools name it). */
    private Path configFile() {
        if (config != null) {
            return config;
        }
        String env = context.environment().get("KCONFIG_CONFIG");
        return Path.of(env != null && !env.isEmpty() ? env : ".config");
    }

    private void openBrowser(String address) {
        try {
            new ProcessBuilder("xdg-open", address).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            context.err().println("kconfig4j web: could not open a browser (" + e.getMessage() + "); open the address yourself");
        }
    }
}
