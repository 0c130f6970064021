package dev.kconfig4j.conf;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.KconfigException;
import dev.kconfig4j.symbol.Configuration;

/** The line-oriented dialogue of {@code --oldconfig}, {@code --oldaskconfig} and {@code --syncconfig}. */
public final class Dialogue {
    private final Kconfig tree;
    private final Configuration config;
    private final ConfRequest req;

    public Dialogue(Kconfig tree, Configuration config, ConfRequest req) {
        this.tree = tree;
        this.config = config;
        this.req = req;
    }

    /** Asks about new symbols (all symbols for oldaskconfig) on the request's streams. */
    public void run(Mode mode) {
        throw new KconfigException("--" + mode.option() + " is not supported yet");
    }
}
