package dev.kconfig4j.dialect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generations of the Kconfig language whose behaviour differs. Each rule that changed
 * between kernel versions is one method here, documented with what each generation does, so that
 * the engine asks "does this dialect do X" instead of comparing version numbers.
 */
public enum Dialect {
    /** Linux 5.10: {@code option modules}, {@code option defconfig_list}, tristate and optional choices. */
    V5_10("5.10"),
    /** Linux 6.1: the {@code modules} keyword; choices still tristate/optional with a remembered selection. */
    V6_1("6.1"),
    /** Linux 6.12: bool-only choices chosen by input priority; int/hex without value read as 0. */
    V6_12("6.12");

    private final String version;

    Dialect(String version) {
        this.version = version;
    }

    /** The kernel version this dialect is named after, e.g. {@code 6.12}. */
    public String version() {
        return version;
    }

    /** The newest dialect, used when nothing says otherwise. */
    public static Dialect newest() {
        return V6_12;
    }

    /**
     * Choice selection. Up to 6.1 a choice remembers the member last set to y in the input
     * as its user value and treats the choice as new if any visible member was missing from the
     * input. From 6.11 a choice keeps its members in priority order: every member named in the
     * input moves to the front, and the first visible member set to y wins.
     */
    public boolean choicesByPriority() {
        return this == V6_12;
    }

    /**
     * Up to 6.1, reading a config drops user values of int/hex/string symbols that are outside
     * the symbol's active range (the default then applies); 6.12 keeps them and clamps.
     */
    public boolean dropsOutOfRangeUserValues() {
        return this != V6_12;
    }

    /** In 6.12 a visible int or hex symbol with neither value nor default is written as 0 / 0x0, earlier as empty. */
    public boolean emptyNumberIsZero() {
        return this == V6_12;
    }

    /** Tristate choices and {@code optional} choices exist up to 6.1. */
    public boolean hasTristateChoices() {
        return this != V6_12;
    }

    /**
     * The all*config modes: 6.12 sets every prompted bool/tristate symbol by walking the menu
     * tree; earlier versions set every bool/tristate symbol of the symbol table, prompt or not.
     */
    public boolean allConfigSetsOnlyPrompted() {
        return this == V6_12;
    }

    /**
     * What a choice member inherits from its choice. Up to 6.1 it depends on the choice symbol,
     * whose value is y (or m) only while the choice's prompt is visible, so a hidden choice hides
     * its members. From 6.11 it inherits the choice's dependencies instead: a choice whose
     * prompt is hidden ({@code prompt "x" if EXPERT}) still has visible members and a selection.
     */
    public boolean membersDependOnChoiceSymbol() {
        return this != V6_12;
    }

    /**
     * Whether {@code .config} closes an empty menu with {@code # end of TITLE}. 5.10 writes the
     * marker only when it leaves a menu's entries, so an empty menu gets a heading and no end.
     */
    public boolean endsEmptyMenus() {
        return this != V5_10;
    }

    /** Picks the dialect: an explicit name, then KERNELVERSION, then the tree's Makefile, then the newest. */
    public static Dialect select(String explicit, Map<String, String> environment, Path srctree) {
        if (explicit != null && !explicit.isEmpty()) {
            return forVersion(explicit);
        }
        String kv = environment.get("KERNELVERSION");
        if (kv != null && !kv.isEmpty()) {
            Dialect d = forVersionOrNull(kv);
            if (d != null) {
                return d;
            }
        }
        if (srctree != null) {
            Path makefile = srctree.resolve("Makefile");
            try {
                if (Files.isRegularFile(makefile)) {
                    String text = Files.readString(makefile, java.nio.charset.StandardCharsets.ISO_8859_1);
                    Matcher v = Pattern.compile("(?m)^VERSION\\s*=\\s*(\\d+)").matcher(text);
                    Matcher p = Pattern.compile("(?m)^PATCHLEVEL\\s*=\\s*(\\d+)").matcher(text);
                    if (v.find() && p.find()) {
                        Dialect d = forVersionOrNull(v.group(1) + "." + p.group(1));
                        if (d != null) {
                            return d;
                        }
                    }
                }
            } catch (IOException e) {
                // fall through to the newest
            }
        }
        return newest();
    }

    /** The dialect for a version such as {@code 6.1}, {@code 6.1.192} or {@code 6.12}; fails for an unknown name. */
    public static Dialect forVersion(String version) {
        Dialect d = forVersionOrNull(version);
        if (d == null) {
            throw new IllegalArgumentException("unknown Kconfig dialect '" + version + "' (known: 5.10, 6.1, 6.12)");
        }
        return d;
    }

    private static Dialect forVersionOrNull(String version) {
        Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version.trim());
        if (!m.find()) {
            return null;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int v = major * 1000 + minor;
        if (v < 5000) {
            return null;
        }
        if (v < 6000) {
            return V5_10; // 5.x: the 5.10 generation's rules
        }
        if (v < 6011) {
            return V6_1; // choices were reworked in 6.11
        }
        return V6_12;
    }
}
