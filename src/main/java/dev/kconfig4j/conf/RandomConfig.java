package dev.kconfig4j.conf;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.KconfigException;
import dev.kconfig4j.symbol.Configuration;

/** {@code --randconfig}: random values drawn exactly as the kernel draws them. */
public final class RandomConfig {
    private RandomConfig() {
    }

    /** Sets random user values for every symbol the input (KCONFIG_ALLCONFIG) did not set. */
    public static void apply(Kconfig tree, Configuration config, ConfRequest req) {
        throw new KconfigException("--randconfig is not supported yet");
    }
}
