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

    public static Mode fromOption(String option) {
        for (Mode m : values()) {
            if (m.option.equals(option)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode --" + option);
    }
}
