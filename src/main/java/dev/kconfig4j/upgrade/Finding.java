package dev.kconfig4j.upgrade;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One value olddefconfig changed, dropped or introduced, with its root cause, the findings it
 * caused in turn (a cascade is one finding with consequences), and the fix.
 *
 * @param kind what happened to the value
 * @param symbol the symbol's name (without CONFIG_)
 * @param oldValue the value in the user's config (null for NEW)
 * @param newValue the value olddefconfig gives (null if not written)
 * @param line the line of the user's config that set it (0 for NEW)
 * @param cause why
 * @param consequences findings that happened because of this one
 * @param fix how to get the old value back (null for findings that need none)
 * @param kernelImage what the symbol's forcing Kbuild constructs and the upgrade do to the kernel
 *     image ({@link KernelImage}); null when the symbol controls no forced code or the Makefiles were not read
 * @param category what the finding means to the person who keeps the config ({@link Category}); the
 *     JSON names it {@code class}
 */
public record Finding(Kind kind, String symbol, String oldValue, String newValue, int line, Cause cause,
        List<Finding> consequences, Fix fix,
        @JsonInclude(JsonInclude.Include.NON_NULL) KernelImage.Annotation kernelImage,
        @JsonProperty("class") Category category) {

    /** A finding without a kernel-image annotation, not yet classified. */
    public Finding(Kind kind, String symbol, String oldValue, String newValue, int line, Cause cause,
            List<Finding> consequences, Fix fix) {
        this(kind, symbol, oldValue, newValue, line, cause, consequences, fix, null, null);
    }

    /**
     * What a finding means to the person who keeps the config, the order of the report: options
     * they chose that are lost first, then other values they could set, then the rest, counted
     * (docs/upgrade-report.md, "Classes").
     */
    public enum Category {
        /**
         * An option the user could choose (it had a prompt in the old tree) was y or m and is now
         * n, or m instead of y, or gone from the tree with no successor carrying its value.
         */
        OPTION_LOST,
        /**
         * Any other change to a value the user could set: m promoted to y, a number or text, a
         * choice's member, n forced on by a select, a value carried to a renamed option.
         */
        OPTION_CHANGED,
        /**
         * A value the toolchain decides: computed from the compiler, assembler or linker (probes,
         * versions), or an option whose prompt the toolchain hides because it lacks a feature.
         */
        TOOLCHAIN,
        /** A promptless symbol (a helper other symbols select) selected, no longer selected, or removed. */
        HELPER,
        /** An "is not set" line for an option the new tree no longer has: nothing is lost. */
        UNSET_DROPPED,
        /** A symbol the config never set, taking its default (a new gate included). */
        NEW_DEFAULT;

        /** The words the reports use for the class. */
        public String title() {
            return switch (this) {
                case OPTION_LOST -> "options you chose that are lost";
                case OPTION_CHANGED -> "other values you could set that change";
                case TOOLCHAIN -> "derived from the toolchain (compiler, assembler, linker)";
                case HELPER -> "promptless symbols selected, no longer selected or removed";
                case UNSET_DROPPED -> "'is not set' lines for options the new tree no longer has";
                case NEW_DEFAULT -> "new symbols taking their defaults";
            };
        }
    }

    /** What happened to a value. */
    public enum Kind {
        /** y or m became n. */
        LOST,
        /** y became m. */
        DEMOTED,
        /** m became y (e.g. the symbol is bool now). */
        PROMOTED,
        /** Any other change: int/hex/string values, a choice selecting another member, n becoming y/m. */
        CHANGED,
        /** The new tree does not know the symbol: removed or renamed. */
        DROPPED,
        /** A symbol the user never set, with the value it got. */
        NEW;

        /** Whether the user lost something they had enabled. */
        public boolean isLoss() {
            return this == LOST || this == DEMOTED;
        }
    }

    /** The number of findings below this one, at any depth. */
    public int consequenceCount() {
        int n = 0;
        for (Finding f : consequences) {
            n += 1 + f.consequenceCount();
        }
        return n;
    }

    /** A copy with other consequences. */
    public Finding withConsequences(List<Finding> list) {
        return new Finding(kind, symbol, oldValue, newValue, line, cause, List.copyOf(list), fix, kernelImage, category);
    }

    /** A copy with a fix. */
    public Finding withFix(Fix f) {
        return new Finding(kind, symbol, oldValue, newValue, line, cause, consequences, f, kernelImage, category);
    }

    /** A copy with a kernel-image annotation (null for none). */
    public Finding withKernelImage(KernelImage.Annotation a) {
        return new Finding(kind, symbol, oldValue, newValue, line, cause, consequences, fix, a, category);
    }

    /** A copy in another class. */
    public Finding withCategory(Category c) {
        return new Finding(kind, symbol, oldValue, newValue, line, cause, consequences, fix, kernelImage, c);
    }

    /** A copy with another cause. */
    public Finding withCause(Cause c) {
        return new Finding(kind, symbol, oldValue, newValue, line, c, consequences, fix, kernelImage, category);
    }
}
