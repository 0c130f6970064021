package dev.kconfig4j.conf;

/** The modes of the kernel's {@code conf} tool, one per {@code --option}. */
public enum Mode {
    OLDASKCONFIG("oldaskconfig"),
    OLDCONFIG("oldconfig"),
    SYNCCONFIG("syncconfig"),
    DEFCONFIG("defconfig"),
    SAVEDEFCONFIG("savedefconfig"),
    ALLNOCONFIG("allnoconfig"),
    ALLYESCONFIG("allyesconfig"),
    ALLMODCONFIG("allmodconfig"),
    ALLDEFCONFIG("alldefconfig"),
    RANDCONFIG("randconfig"),
    LISTNEWCONFIG("listnewconfig"),
    HELPNEWCONFIG("helpnewconfig"),
    OLDDEFCONFIG("olddefconfig"),
    YES2MODCONFIG("yes2modconfig"),
    MOD2YESCONFIG("mod2yesconfig"),
    MOD2NOCONFIG("mod2noconfig");

    private final String option;

    Mode(String option) {
        this.option = option;
    }

    /** The option name without dashes, e.g. {@code olddefconfig}. */
    public String option() {
        return option;
    }

    /** The all*config modes, which honour KCONFIG_ALLCONFIG. */
    public boolean isAllConfig() {
        return this == ALLNOCONFIG || this == ALLYESCONFIG || this == ALLMODCONFIG || this == ALLDEFCONFIG
                || this == RANDCONFIG;
    }

    /**
     * The mode a long option names as {@code getopt_long} reads conf's options: its full name, or
     * a prefix of exactly one of conf's long options ({@code --olddef}); null for anything else
     * (an ambiguous prefix such as {@code --old}, {@code --silent}, an unknown option).
     */
    public static Mode ofLongOption(String name) {
        Mode found = null;
        int matches = name.isEmpty() ? 2 : 0;
        for (Mode m : values()) {
            if (m.option.equals(name)) {
                return m;
            }
            if (m.option.startsWith(name)) {
                found = m;
                matches++;
            }
        }
        for (String other : new String[] {"help", "silent"}) {
            if (other.startsWith(name)) {
                matches++;
            }
        }
        return matches == 1 ? found : null;
    }

    public static Mode fromOption(String option) {
        for (Mode m : values()) {
            if (m.option.equals(option)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode --" + option);
    }
}
