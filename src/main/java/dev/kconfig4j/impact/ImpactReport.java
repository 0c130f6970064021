package dev.kconfig4j.impact;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.upgrade.Cause;
import dev.kconfig4j.upgrade.Finding;
import dev.kconfig4j.upgrade.KernelImage;
import java.util.List;
import java.util.Map;

/**
 * The result of an {@link ImpactAnalysis}: per config, per symbol, lost groups and verified
 * mitigations. Immutable; serialised as JSON as it stands (field names are the JSON keys).
 *
 * @param schemaVersion the version of the JSON form
 * @param before the tree the configs come from
 * @param after the tree they are carried to
 * @param semantics how a config is evaluated, in words (the report shows it)
 * @param configs one entry per config of the corpus, in corpus order (arch, then name)
 * @param symbols one entry per symbol that some config loses, demotes, promotes, changes or drops,
 *     the most lost first
 * @param groups every lost group: the root finding (by symbol) and every loss filed under it,
 *     the most widespread first
 * @param mitigations candidate Kconfig changes, each verified on the configs it concerns; what-if
 *     patches first
 * @param problems configs that could not be analysed, one line each
 * @param timing where the time went
 * @param kernelImage what reading the trees' Makefiles took, or null (absent from the JSON) when
 *     no changed symbol controls code Kbuild forces built-in or into a module, or the trees have
 *     no Makefiles
 */
public record ImpactReport(int schemaVersion, Tree before, Tree after, String semantics, List<ConfigImpact> configs,
        List<SymbolImpact> symbols, List<LostGroup> groups, List<Mitigation> mitigations, List<String> problems,
        Timing timing, @JsonInclude(JsonInclude.Include.NON_NULL) KernelImageSummary kernelImage) {

    /** 2: a config's {@code warnings} are objects ({@link Diagnostic}), no longer strings. */
    public static final int SCHEMA_VERSION = 2;

    public ImpactReport {
        configs = List.copyOf(configs);
        symbols = List.copyOf(symbols);
        groups = List.copyOf(groups);
        mitigations = List.copyOf(mitigations);
        problems = List.copyOf(problems);
    }

    /** A report without kernel-image information. */
    public ImpactReport(int schemaVersion, Tree before, Tree after, String semantics, List<ConfigImpact> configs,
            List<SymbolImpact> symbols, List<LostGroup> groups, List<Mitigation> mitigations, List<String> problems,
            Timing timing) {
        this(schemaVersion, before, after, semantics, configs, symbols, groups, mitigations, problems, timing, null);
    }

    /**
     * The Makefiles read for the kernel-image annotations ({@link ConfigImpact#kernelImage},
     * {@link SymbolImpact#kernelImage}).
     *
     * @param arches the architectures whose Makefiles were walked (partially: only the
     *     directories the forcing symbols need)
     * @param directoriesWalked directories read, before and after trees, all architectures
     * @param millis time spent scanning and walking the Makefiles (across threads)
     */
    public record KernelImageSummary(List<String> arches, int directoriesWalked, long millis) {
    }

    /**
     * A symbol that controls code Kbuild builds against its value, across the corpus.
     *
     * @param constructs its forcing constructs ({@code file:line rule}, before tree then after
     *     tree), from every config whose change involves it
     * @param typeChange its type change between the trees ({@code tristate -> bool}), or "" for none
     * @param changesImage whether it changes the kernel image: its type changes between tristate
     *     and bool (so m no longer means "forced built-in"), or some config's change of it moves
     *     code into or out of vmlinux
     * @param imageChangedIn the configs whose change of it moves code into or out of vmlinux
     */
    public record SymbolKernelImage(List<KernelImage.Construct> constructs, String typeChange, boolean changesImage,
            List<String> imageChangedIn) {
        public SymbolKernelImage {
            constructs = List.copyOf(constructs);
            imageChangedIn = List.copyOf(imageChangedIn);
        }
    }

    /**
     * A tree as the report names it.
     *
     * @param spec what was given ({@code v6.12}, {@code /src/linux})
     * @param resolved the directory, or the commit a revision resolved to
     * @param version the KERNELVERSION of its Makefile (or "")
     */
    public record Tree(String spec, String resolved, String version) {
    }

    /** What happened to one symbol of one config. */
    public enum ChangeKind {
        /** y or m became n. */
        LOST,
        /** y became m. */
        DEMOTED,
        /** m became y. */
        PROMOTED,
        /** Any other change of value (int/hex/string, n became y/m, no longer written). */
        CHANGED,
        /** The after tree does not know the symbol any more: removed or renamed. */
        DROPPED,
        /** A new symbol the config's losses are filed under (a new gate such as HYPERV_VMBUS). */
        GATE;

        static ChangeKind of(Finding.Kind k) {
            return switch (k) {
                case LOST -> LOST;
                case DEMOTED -> DEMOTED;
                case PROMOTED -> PROMOTED;
                case CHANGED -> CHANGED;
                case DROPPED -> DROPPED;
                case NEW -> GATE;
            };
        }
    }

    /**
     * One symbol's change in one config.
     *
     * @param symbol the symbol, without CONFIG_
     * @param kind what happened
     * @param oldValue its value in the before .config (null for a gate)
     * @param newValue its value after olddefconfig in the after tree (null if not written)
     * @param lost whether the config loses something it had enabled (LOST, DEMOTED, or an enabled
     *     value DROPPED that no successor carries)
     * @param cause the root cause as the upgrade guard gives it
     * @param causeText the guard's explanation
     * @param root the root finding this change is filed under (itself for a root)
     * @param causeSymbols the symbols the cause names (unmet dependencies, rename candidates...)
     */
    public record Change(String symbol, ChangeKind kind, String oldValue, String newValue, boolean lost,
            Cause.Kind cause, String causeText, String root, List<String> causeSymbols) {
        public Change {
            causeSymbols = List.copyOf(causeSymbols);
        }
    }

    /**
     * One config of the corpus.
     *
     * @param name e.g. {@code arch/x86/configs/x86_64_defconfig} or the file as given
     * @param arch the ARCH it was evaluated with
     * @param origin where its before .config came from (see {@link ImpactAnalysis})
     * @param changes every change, in the after tree's order of findings (roots then consequences)
     * @param newSymbols how many symbols the after tree writes that the before .config did not have
     * @param warnings what reading the before .config in the after tree printed
     * @param kernelImage for a config whose changes involve symbols that control code Kbuild
     *     forces built-in (at m) or into a module (at y): their constructs, and what the config's
     *     change moves into or out of vmlinux and which modules it adds or removes (before values
     *     in the before tree against after values in the after tree); null (absent from the
     *     JSON) otherwise
     */
    public record ConfigImpact(String name, String arch, String origin, List<Change> changes, int newSymbols,
            List<Diagnostic> warnings, @JsonInclude(JsonInclude.Include.NON_NULL) KernelImage.Annotation kernelImage) {
        public ConfigImpact {
            changes = List.copyOf(changes);
            warnings = List.copyOf(warnings);
        }

        /** A config without kernel-image annotation. */
        public ConfigImpact(String name, String arch, String origin, List<Change> changes, int newSymbols,
                List<Diagnostic> warnings) {
            this(name, arch, origin, changes, newSymbols, warnings, null);
        }

        /** This config with {@code a} as its kernel-image annotation. */
        public ConfigImpact withKernelImage(KernelImage.Annotation a) {
            return new ConfigImpact(name, arch, origin, changes, newSymbols, warnings, a);
        }

        /** How many changes of a kind this config has. */
        public long count(ChangeKind k) {
            return changes.stream().filter(c -> c.kind() == k).count();
        }

        /** The symbols this config loses (see {@link Change#lost()}). */
        public List<String> lostSymbols() {
            return changes.stream().filter(Change::lost).map(Change::symbol).toList();
        }
    }

    /**
     * How one cause shows up for a symbol across configs.
     *
     * @param kind the cause's kind
     * @param text the guard's explanation, from the first config that had it
     * @param configs how many configs have this cause for the symbol
     */
    public record CauseCount(Cause.Kind kind, String text, int configs) {
    }

    /**
     * One symbol across the corpus.
     *
     * @param symbol the symbol
     * @param counts how many configs have each kind of change
     * @param lostIn the configs that lose it
     * @param changedIn the configs where anything happens to it, with the kind, by config name
     * @param causes its causes, the most frequent first
     * @param roots the root findings it is filed under, with how many configs
     * @param kernelImage when it controls code Kbuild forces built-in or into a module (in either
     *     tree): its constructs and whether it changes the kernel image; null (absent from the
     *     JSON) otherwise
     */
    public record SymbolImpact(String symbol, Map<ChangeKind, Integer> counts, List<String> lostIn,
            Map<String, ChangeKind> changedIn, List<CauseCount> causes, Map<String, Integer> roots,
            @JsonInclude(JsonInclude.Include.NON_NULL) SymbolKernelImage kernelImage) {

        /** A symbol without kernel-image information. */
        public SymbolImpact(String symbol, Map<ChangeKind, Integer> counts, List<String> lostIn,
                Map<String, ChangeKind> changedIn, List<CauseCount> causes, Map<String, Integer> roots) {
            this(symbol, counts, lostIn, changedIn, causes, roots, null);
        }

        /** How many configs lose it. */
        public int lostCount() {
            return lostIn.size();
        }
    }

    /**
     * Losses filed under the same root finding (by symbol) across configs: what one mitigation
     * would address.
     *
     * @param root the root symbol (HYPERV_VMBUS for a new gate, HYPERV for a type change)
     * @param rootKind what happened to the root
     * @param cause the root's cause kind in the first config that had it
     * @param causeText the root's cause in the first config that had it
     * @param symbols every symbol lost under this root, in any config
     * @param configs the configs that lose something under this root
     */
    public record LostGroup(String root, ChangeKind rootKind, Cause.Kind cause, String causeText, List<String> symbols,
            List<String> configs) {
    }

    /**
     * A candidate change to the after tree, verified.
     *
     * @param id a short stable id (m1, m2...; w1 for what-if patches)
     * @param group the lost group it addresses (null for a what-if patch)
     * @param kind what kind of change it is
     * @param description what it does, in words
     * @param patch the change as a unified diff against the after tree (a/ b/ paths)
     * @param configsTested the configs it was verified on
     * @param fixed configs that lose none of the group's symbols any more
     * @param stillBroken configs that still lose some, with which
     * @param newLosses configs that lose something with the change that they did not lose without it
     * @param error why the mitigated tree could not be evaluated (a Kconfig error), or null
     * @param combines for a {@link MitigationKind#COMBINED} one, the ids of the mitigations it
     *     makes together; empty otherwise
     */
    public record Mitigation(String id, String group, MitigationKind kind, String description, String patch,
            int configsTested, List<String> fixed, List<ConfigLosses> stillBroken, List<ConfigLosses> newLosses,
            String error, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> combines) {

        public Mitigation {
            combines = List.copyOf(combines);
        }

        /** A mitigation that combines no others. */
        public Mitigation(String id, String group, MitigationKind kind, String description, String patch,
                int configsTested, List<String> fixed, List<ConfigLosses> stillBroken, List<ConfigLosses> newLosses,
                String error) {
            this(id, group, kind, description, patch, configsTested, fixed, stillBroken, newLosses, error, List.of());
        }

        /** Whether it fixes every config it was tested on without new losses. */
        public boolean complete() {
            return error == null && stillBroken.isEmpty() && newLosses.isEmpty();
        }
    }

    /** The kinds of mitigation proposed. */
    public enum MitigationKind {
        /** A {@code default} on a new symbol that now gates options configs had (default OLD_PARENT). */
        DEFAULT_ON_NEW_SYMBOL,
        /** Give a symbol that became bool its {@code tristate} type back. */
        KEEP_TRISTATE,
        /** A {@code transitional} symbol with the old name, and {@code default OLD} on the new one. */
        TRANSITIONAL_RENAME,
        /** {@code select} the new dependency instead of {@code depends on} it. */
        SELECT_INSTEAD_OF_DEPENDS,
        /**
         * Two or more of the others that each fix only part of a group (or nothing), made
         * together: e.g. keep HYPERV tristate and give HYPERV_VMBUS {@code default HYPERV}.
         */
        COMBINED,
        /** A patch the user gave with --what-if. */
        WHAT_IF
    }

    /**
     * The symbols one config loses.
     *
     * @param config the config
     * @param symbols the symbols
     */
    public record ConfigLosses(String config, List<String> symbols) {
        public ConfigLosses {
            symbols = List.copyOf(symbols);
        }
    }

    /**
     * Where the time went (wall-clock milliseconds).
     *
     * @param threads worker threads
     * @param trees (tree, arch) pairs parsed for the main analysis (each once)
     * @param parseMillis parsing, summed over trees (across threads)
     * @param evaluateMillis evaluating configs, summed over configs (across threads)
     * @param mitigationMillis verifying mitigations and what-if patches (wall)
     * @param totalMillis the whole analysis (wall)
     */
    public record Timing(int threads, int trees, long parseMillis, long evaluateMillis, long mitigationMillis,
            long totalMillis) {
    }

    /** The configs that lose anything. */
    public List<ConfigImpact> configsWithLosses() {
        return configs.stream().filter(c -> !c.lostSymbols().isEmpty()).toList();
    }

    /** The mitigations proposed for the lost group whose root is {@code root}. */
    public List<Mitigation> mitigationsOf(String root) {
        return mitigations.stream().filter(m -> root.equals(m.group())).toList();
    }

    /** The user's own candidate patches ({@code --what-if}), as checked. */
    public List<Mitigation> whatIfs() {
        return mitigations.stream().filter(m -> m.group() == null).toList();
    }
}
