package dev.kconfig4j.confdata;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.conf.ConfRequest;
import dev.kconfig4j.symbol.Configuration;
import java.io.IOException;

/** The build's view of a configuration: include/config/auto.conf, autoconf.h, rustc_cfg and friends. */
public final class AutoconfWriter {
    private AutoconfWriter() {
    }

    /**
     * Writes the files when {@code overwrite} (syncconfig) or when auto.conf does not exist yet.
     */
    public static void write(Kconfig tree, Configuration config, ConfRequest req, boolean overwrite) throws IOException {
        // Not implemented yet.
    }
}
