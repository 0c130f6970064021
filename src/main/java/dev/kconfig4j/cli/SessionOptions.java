package dev.kconfig4j.cli;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.preprocess.ShellPolicy;
import dev.kconfig4j.session.ConfigSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of the commands that open a configuration session (a picocli mixin): the config to
 * edit, the old config to review, where "save minimal" writes; and the one place that turns them
 * and the tree options into a {@link ConfigSession}.
 */
public final class SessionOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "The config to edit and save (default: $KCONFIG_CONFIG, else .config; missing: start from --old-config, else empty).")
    Path config;

    @Option(names = "--old-config", paramLabel = "OLD",
            description = "A config from an older kernel: review what the upgrade to this tree loses, with fixes.")
    Path oldConfig;

    @Option(names = "--old-srctree", paramLabel = "TREE",
            description = "The tree --old-config comes from: the review then compares both trees.")
    Path oldSrctree;

    @Option(names = "--minimal", paramLabel = "FILE",
            description = "Where \"save minimal\" writes (default: defconfig beside the config).")
    Path minimal;

    /**
     * An open session.
     *
     * @param savedText the config file's content as read (null: there was none): what "unsaved
     *     changes" compare with
     * @param minimalFile where "save minimal" writes
     */
    public record Opened(ConfigSession session, String savedText, Path minimalFile) {
    }

    /**
     * Loads the tree and opens the session on the config file (when it does not exist, on the old
     * config's values, to be saved to the config file); with an old config, the upgrade review.
     *
     * @throws dev.kconfig4j.diagnostic.KconfigException for a bad tree or config
     */
    public Opened open(Cli.Context context, TreeOptions treeOptions) throws IOException {
        ShellPolicy policy = treeOptions.policy(context);
        Kconfig tree = treeOptions.load(context, treeOptions.tree(context), treeOptions.dialect, policy);
        Path file = context.workingDirectory().resolve(configFile(context));
        String text = Files.isRegularFile(file) ? context.readInput(file) : null;
        String oldText = oldConfig == null ? null : context.readInput(oldConfig);
        ConfigSession session = new ConfigSession(tree, file, text != null ? text : oldText);
        if (oldConfig != null) {
            Kconfig oldTree = oldSrctree == null ? null
                    : treeOptions.load(context, context.workingDirectory().resolve(oldSrctree), null, policy);
            session.reviewUpgradeOf(oldConfig.toString(), oldText, oldTree);
        }
        Path min = minimal != null ? context.workingDirectory().resolve(minimal) : file.resolveSibling("defconfig");
        return new Opened(session, text, min);
    }

    /** --config, else $KCONFIG_CONFIG, else .config (as the kernel's tools name it). */
    private Path configFile(Cli.Context context) {
        if (config != null) {
            return config;
        }
        String env = context.environment().get("KCONFIG_CONFIG");
        return Path.of(env != null && !env.isEmpty() ? env : ".config");
    }
}
