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
    V6_12("6.12"),
    /** Linux 7.x: the 6.12 rules, except that an int/hex value expanding to nothing stays empty. */
    V7_3("7.3");

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
        return V7_3;
    }

    /** Whether this generation is {@code other} or a later one. */
    public boolean atLeast(Dialect other) {
        return compareTo(other) >= 0;
    }

    /**
     * Choice selection. Up to 6.1 a choice remembers the member last set to y in the input
     * as its user value and treats the choice as new if any visible member was missing from the
     * input. From 6.11 a choice keeps its members in priority order: every member named in the
     * input moves to the front, and the first visible member set to y wins.
     */
    public boolean choicesByPriority() {
        return atLeast(V6_12);
    }

    /**
     * Up to 6.1, reading a config drops user values of int/hex/string symbols that are outside
     * the symbol's active range (the default then applies); 6.12 keeps them and clamps.
     */
    public boolean dropsOutOfRangeUserValues() {
        return !atLeast(V6_12);
    }

    /**
     * An int or hex symbol with neither a user value nor an active default: from 6.12 its value
     * is 0 / 0x0, earlier it is empty. A default that expands to nothing ({@code default ""},
     * {@code default "$(PAHOLE_VERSION)"} with the variable unset, or a symbol whose value is
     * empty) gives an empty value in every generation, written {@code CONFIG_FOO=} (and
     * {@code #define CONFIG_FOO 0x} for hex). An empty value compares with a range as 0, so a
     * range that excludes 0 replaces it with its nearer bound; an empty value in the input is
     * invalid (a warning) and counts as no value.
     */
    public boolean emptyNumberIsZero() {
        return atLeast(V6_12);
    }

    /**
     * From 7.x a symbol that takes its value from a {@code transitional} symbol counts as set by
     * the user, so that {@code oldconfig} does not ask about a renamed option the old config
     * already answered ({@code listnewconfig} does not list it either). Whenever the symbol is
     * computed without a user value and its active default is exactly one transitional symbol
     * that the input set, the value computed then becomes its user value, and stays: for
     * bool/tristate the value after selects, for int/hex/string the default's text before the
     * range clamps it. A symbol whose default is inactive then (its dependencies unmet) is not
     * marked until a later computation finds it active.
     */
    public boolean adoptsTransitionalDefaults() {
        return atLeast(V7_3);
    }

    /**
     * Up to 6.1 the oldconfig dialogue marks a symbol as set when it shows the symbol only
     * because one of its children is shown (its own prompt hidden, say {@code "x" if
     * COMPILE_TEST}, while a select makes it y): it is then printed without {@code (NEW)}. From
     * 6.12 the dialogue leaves it unmarked and prints {@code (NEW)} (7.3's GENERIC_PT).
     */
    public boolean dialogueMarksSymbolsShownThroughChildren() {
        return !atLeast(V6_12);
    }

    /**
     * The menu structure: an entry after a symbol that mentions it and repeats all of the
     * symbol's own dependencies goes below it (it "depends on" it). From 7.x an entry that
     * mentions the symbol negated ({@code depends on TOMOYO && !TOMOYO_OMIT_LOADER}, {@code
     * X=n}) stays beside it instead; up to 6.12 it went below.
     */
    public boolean nestsOnlyUnderPositiveMentions() {
        return atLeast(V7_3);
    }

    /**
     * The order of the remarks on one condition ({@code boolean symbol O tested for 'm'?}): up
     * to 6.1 the kernel simplifies an expression left to right; from 6.12 right to left, so
     * {@code depends on A=m && B=m} names B first.
     */
    public boolean simplifiesRightToLeft() {
        return atLeast(V6_12);
    }

    /**
     * From 6.11 a choice member must have a prompt and be bool, and may not have a default: the
     * parser refuses each such entry with an error. Up to 6.1 a member without a prompt or with a
     * default is only a warning ({@code choice value must have a prompt}, {@code defaults for
     * choice values not supported}) and a member takes the choice's type.
     */
    public boolean refusesBadChoiceMembers() {
        return atLeast(V6_12);
    }

    /**
     * Whether a {@code choice} may declare a type with {@code keyword} ({@code bool},
     * {@code tristate}, {@code int}...; with a prompt on the same line or not). Up to 6.1
     * {@code bool} or {@code tristate}, with or without a prompt; 6.12 only {@code bool "prompt"};
     * from 7.x no type at all (a choice is bool). Anything else is a syntax error, as an int, hex
     * or string choice is in every generation.
     */
    public boolean acceptsChoiceType(String keyword, boolean withPrompt) {
        if (atLeast(V7_3)) {
            return false;
        }
        if (atLeast(V6_12)) {
            return keyword.equals("bool") && withPrompt;
        }
        return keyword.equals("bool") || keyword.equals("tristate");
    }

    /**
     * Whether a config line naming a symbol without a value ({@code CONFIG_FOO} with no {@code =})
     * is warned about as unexpected data: from 6.12. Up to 6.1 the kernel reads config lines more
     * loosely: such a line is skipped in silence, anything may follow {@code # CONFIG_FOO is not
     * set}, and the warning about any other unexpected line shows it only up to its first
     * carriage return.
     */
    public boolean warnsAboutAssignmentsWithoutValue() {
        return atLeast(V6_12);
    }

    /** The {@code option modules}, {@code option defconfig_list}, {@code option allnoconfig_y} lines exist in 5.x only. */
    public boolean hasOptionAttributes() {
        return this == V5_10;
    }

    /** The {@code modules} keyword (instead of {@code option modules}) exists from 6.1. */
    public boolean hasModulesKeyword() {
        return this != V5_10;
    }

    /** {@code transitional} symbols (an old name passing its value on) exist from 7.x. */
    public boolean hasTransitionalSymbols() {
        return atLeast(V7_3);
    }

    /**
     * Up to 6.1 the kernel reports a syntax error on the line after the one at fault (and the
     * end of the input as {@code <none>}, a line further): {@code Kconfig:4: syntax error} then
     * {@code Kconfig:3: unknown statement "foo"}. 6.12 names the line at fault.
     */
    public boolean reportsSyntaxErrorsOnNextLine() {
        return !atLeast(V6_12);
    }

    /** Tristate choices and {@code optional} choices exist up to 6.1. */
    public boolean hasTristateChoices() {
        return !atLeast(V6_12);
    }

    /**
     * The all*config modes: 6.12 sets every prompted bool/tristate symbol by walking the menu
     * tree; earlier versions set every bool/tristate symbol of the symbol table, prompt or not.
     */
    public boolean allConfigSetsOnlyPrompted() {
        return atLeast(V6_12);
    }

    /**
     * What a choice member inherits from its choice. Up to 6.1 it depends on the choice symbol,
     * whose value is y (or m) only while the choice's prompt is visible, so a hidden choice hides
     * its members. From 6.11 it inherits the choice's dependencies instead: a choice whose
     * prompt is hidden ({@code prompt "x" if EXPERT}) still has visible members and a selection.
     */
    public boolean membersDependOnChoiceSymbol() {
        return !atLeast(V6_12);
    }

    /**
     * Whether {@code .config} closes an empty menu with {@code # end of TITLE}. 5.10 writes the
     * marker only when it leaves a menu's entries, so an empty menu gets a heading and no end.
     */
    public boolean endsEmptyMenus() {
        return this != V5_10;
    }

    // ---- the tool's files and messages ----

    /** Buckets of the kernel's symbol hash table, whose walk order some outputs follow (16384 from 6.12, else 9973). */
    public int symbolTableBuckets() {
        return atLeast(V6_12) ? 16384 : 9973;
    }

    /** Whether the recursion check walks symbols in creation order (6.12) rather than hash-table order. */
    public boolean checksDependenciesInCreationOrder() {
        return atLeast(V6_12);
    }

    /** Whether recursive-dependency reports prefix each line with file:line (up to 6.1; 6.12 does not). */
    public boolean locatesDependencyCycles() {
        return !atLeast(V6_12);
    }

    /** How {@code auto.conf.cmd} is laid out. */
    public enum AutoconfCmdStyle {
        /** 5.10: fixed path include/config/auto.conf.cmd, files newest first, the last without a backslash. */
        LEGACY,
        /** 6.1: beside auto.conf, files newest first. */
        NEWEST_FIRST,
        /** 6.12: beside auto.conf, an {@code autoconfig :=} variable, files in reading order. */
        AUTOCONFIG_VARIABLE
    }

    public AutoconfCmdStyle autoconfCmdStyle() {
        return switch (this) {
            case V5_10 -> AutoconfCmdStyle.LEGACY;
            case V6_1 -> AutoconfCmdStyle.NEWEST_FIRST;
            case V6_12, V7_3 -> AutoconfCmdStyle.AUTOCONFIG_VARIABLE;
        };
    }

    /** 5.10's autoconf.h heading has an empty comment line before and after the text. */
    public boolean autoconfHeaderHasBlankLines() {
        return this == V5_10;
    }

    /**
     * {@code KCONFIG_WARN_UNKNOWN_SYMBOLS} and {@code KCONFIG_WERROR} exist from 6.1 (5.10's conf
     * knows neither: it neither warns nor fails).
     */
    public boolean hasWarningVariables() {
        return this != V5_10;
    }

    /** Whether conf of this generation knows the long option {@code name}: 5.10's has neither --silent nor --mod2noconfig. */
    public boolean knowsConfOption(String name) {
        return this != V5_10 || !(name.equals("silent") || name.equals("mod2noconfig"));
    }

    /** An unknown option stops conf with its usage (status 1) in 5.10; later conf reports it and goes on. */
    public boolean stopsAtUnknownOptions() {
        return this == V5_10;
    }

    /**
     * What conf prints on standard output after "Kconfig file missing" (and, in 5.10, after an
     * unknown option), naming itself {@code conf}: 5.10's one list of modes; from 6.1 generic and
     * mode options, {@code --silent} and {@code --mod2noconfig}; from 7.3 an "Arguments" part.
     */
    public String confUsage() {
        if (this == V5_10) {
            return USAGE_5_10;
        }
        return atLeast(V7_3) ? USAGE.replace("<kconfig-file>", "kconfig_file") + """

                Arguments:
                  kconfig_file            Top-level Kconfig file.
                """ : USAGE;
    }

    private static final String MODES = """
              --listnewconfig         List new options
              --helpnewconfig         List new options and help text
              --oldaskconfig          Start a new configuration using a line-oriented program
              --oldconfig             Update a configuration using a provided .config as base
              --syncconfig            Similar to oldconfig but generates configuration in
                                      include/{generated/,config/}
              --olddefconfig          Same as oldconfig but sets new symbols to their default value
              --defconfig <file>      New config with default defined in <file>
              --savedefconfig <file>  Save the minimal current configuration to <file>
              --allnoconfig           New config where all options are answered with no
              --allyesconfig          New config where all options are answered with yes
              --allmodconfig          New config where all options are answered with mod
              --alldefconfig          New config with all symbols set to default
              --randconfig            New config with random answer to all options
              --yes2modconfig         Change answers from yes to mod if possible
              --mod2yesconfig         Change answers from mod to yes if possible
            """;

    private static final String USAGE_5_10 = """
            Usage: conf [-s] [option] <kconfig-file>
            [option] is _one_ of the following:
            """ + MODES;

    private static final String USAGE = """
            Usage: conf [options] <kconfig-file>

            Generic options:
              -h, --help              Print this message and exit.
              -s, --silent            Do not print log.

            Mode options:
            """ + MODES + """
              --mod2noconfig          Change answers from mod to no if possible
              (If none of the above is given, --oldaskconfig is the default)
            """;

    /** {@code KCONFIG_WARN_CHANGED_INPUT} exists from 7.3 (earlier conf ignores it). */
    public boolean reportsChangedInput() {
        return atLeast(V7_3);
    }

    /** include/generated/rustc_cfg exists from 6.1 (Rust support). */
    public boolean writesRustcCfg() {
        return this != V5_10;
    }

    /** 5.10's auto.conf quotes string values like .config; later versions write them bare. */
    public boolean autoconfQuotesStrings() {
        return this == V5_10;
    }

    /** 5.10 names dependency files include/config/foo/bar.h; later versions include/config/FOO_BAR. */
    public boolean dependencyFilesAsHeaderPaths() {
        return this == V5_10;
    }

    /** 6.12 warns about malformed lines when it reads the previous auto.conf. */
    public boolean warnsAboutMalformedAutoconf() {
        return atLeast(V6_12);
    }

    /** Help screens' "Location:" ends with the entry itself from 6.1 on; 5.10 stops at its parent. */
    public boolean locationIncludesEntry() {
        return this != V5_10;
    }

    /** 5.10 prints randconfig's {@code KCONFIG_SEED=0x...} on standard error, later versions on standard output. */
    public boolean randconfigSeedOnStderr() {
        return this == V5_10;
    }

    /** 5.10's {@code option defconfig_list}: a symbol whose defaults name the configs to read when .config is missing. */
    public boolean hasDefconfigListOption() {
        return this == V5_10;
    }

    /** Picks the dialect: an explicit name, then KERNELVERSION, then the tree's Makefile, then the newest. */
    public static Dialect select(String explicit, Map<String, String> environment, Path srctree) {
        return choose(explicit, environment, srctree).dialect();
    }

    /**
     * A chosen dialect, with the assumption made when the tree is newer than the newest known
     * generation (null otherwise): one line for standard error, e.g. {@code kconfig4j: Linux 8.0 is
     * newer than the newest known Kconfig generation (7.3); using the 7.3 rules}.
     */
    public record Selection(Dialect dialect, String assumption) {
    }

    /**
     * Picks the dialect as {@link #select} does, and says so when the version found (KERNELVERSION,
     * else the Makefile's VERSION.PATCHLEVEL) is newer than the newest generation kconfig4j knows:
     * its rules are the best guess, and the user should know it is a guess.
     */
    public static Selection choose(String explicit, Map<String, String> environment, Path srctree) {
        if (explicit != null && !explicit.isEmpty()) {
            return new Selection(forVersion(explicit), null);
        }
        String version = environment.get("KERNELVERSION");
        if (version == null || forVersionOrNull(version) == null) {
            version = srctree == null ? null : treeVersion(srctree);
        }
        Dialect d = version == null ? null : forVersionOrNull(version);
        if (d == null) {
            return new Selection(newest(), null);
        }
        int[] v = majorMinor(version);
        int[] known = majorMinor(newest().version);
        boolean newer = v[0] > known[0] || v[0] == known[0] && v[1] > known[1];
        return new Selection(d, !newer ? null
                : "kconfig4j: Linux " + v[0] + "." + v[1] + " is newer than the newest known Kconfig generation ("
                        + newest().version + "); using the " + newest().version + " rules");
    }

    /**
     * The kernel version a tree's top Makefile gives: VERSION.PATCHLEVEL, then .SUBLEVEL unless
     * it is empty, then EXTRAVERSION ({@code 6.12.117}, {@code 7.3-rc1}); null without a Makefile,
     * VERSION or PATCHLEVEL. The one place kconfig4j reads it.
     */
    public static String treeVersion(Path srctree) {
        Path makefile = srctree.resolve("Makefile");
        if (!Files.isRegularFile(makefile)) {
            return null;
        }
        try {
            String text = Files.readString(makefile, java.nio.charset.StandardCharsets.ISO_8859_1);
            String v = makefileField(text, "VERSION");
            String p = makefileField(text, "PATCHLEVEL");
            String s = makefileField(text, "SUBLEVEL");
            String e = makefileField(text, "EXTRAVERSION");
            if (v == null || p == null) {
                return null;
            }
            return v + "." + p + (s == null || s.isEmpty() ? "" : "." + s) + (e == null ? "" : e);
        } catch (IOException e) {
            return null; // an unreadable Makefile says nothing about the version
        }
    }

    private static String makefileField(String makefile, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\s*=[ \\t]*(\\S*)").matcher(makefile);
        return m.find() ? m.group(1) : null;
    }

    /** The major and minor number of a version such as {@code 6.12.117}; null if it has none. */
    private static int[] majorMinor(String version) {
        Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version.trim());
        return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
    }

    /** The dialect for a version such as {@code 6.1}, {@code 6.1.192} or {@code 6.12}; fails for an unknown name. */
    public static Dialect forVersion(String version) {
        Dialect d = forVersionOrNull(version);
        if (d == null) {
            throw new IllegalArgumentException("unknown Kconfig dialect '" + version + "' (known: 5.10, 6.1, 6.12, 7.3)");
        }
        return d;
    }

    private static Dialect forVersionOrNull(String version) {
        int[] mm = majorMinor(version);
        if (mm == null) {
            return null;
        }
        int v = mm[0] * 1000 + mm[1];
        if (v < 5000) {
            return null;
        }
        if (v < 6000) {
            return V5_10; // 5.x: the 5.10 generation's rules
        }
        if (v < 6011) {
            return V6_1; // choices were reworked in 6.11
        }
        if (v < 7000) {
            return V6_12;
        }
        return V7_3; // 7.x, and (with a warning from choose) anything newer
    }
}
