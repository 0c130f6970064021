package dev.kconfig4j.cli;

import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.web.Guard;
import dev.kconfig4j.web.WebServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kconfig4j web}: the configuration session in the browser. */
@Command(name = "web", header = "Configure a kernel in the browser: menus, why, enable and upgrade review in one page.",
        sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {
            "Starts a local server for the config and prints the address to open (with its secret token). "
                + "The page shows the menus as menuconfig does, edits values with the kernel's rules and shows what "
                + "else changed (undo, redo), searches names, prompts, help, files and built objects, explains every "
                + "value, finds the lines that enable a blocked option, and with --old-config reviews an upgrade.",
            "",
            "Saving writes the config as the kernel's conf writes it (the previous one kept as .config.old); "
                + "\"save minimal\" writes the savedefconfig form to --minimal. No other file is written.",
            "",
            "Without --config: $KCONFIG_CONFIG, else ./.config. A config that does not exist yet starts from "
                + "--old-config when given (the upgrade), else from the defaults. Stop with Ctrl-C."},
        footer = {"", "Exit status: 0 stopped; 1 bad input (tree, config) or the port is taken; 2 bad usage."})
public final class WebCommand implements Callable<Integer> {
    private final Cli.Context context;

    @picocli.CommandLine.Mixin
    SessionOptions sessionOptions = new SessionOptions();

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
        // The server starts while the tree loads: on a cold JVM, starting Jetty and the JSON
        // encoder is as long as everything else between the loaded tree and the first page.
        WebServer server = new WebServer(listen, port, Guard.newToken());
        CompletableFuture<Void> started = CompletableFuture.runAsync(() -> {
            try {
                server.start();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, runnable -> {
            Thread t = new Thread(runnable, "kconfig4j-web-start");
            t.setDaemon(true);
            t.start();
        });
        try {
            SessionOptions.Opened opened = sessionOptions.open(context, treeOptions);
            try {
                started.join();
            } catch (CompletionException e) {
                context.err().println("kconfig4j web: cannot listen on " + listen + ":" + port + ": "
                        + e.getCause().getMessage());
                return 1;
            }
            server.serve(opened.session(), opened.minimalFile());
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
        } finally {
            try {
                server.close();
            } catch (Exception e) {
                // A server stopped while it was still starting (the tree could not be loaded): nothing to report.
            }
        }
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
