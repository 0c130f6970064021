package dev.kconfig4j.upgrade;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 */
public record Finding(Kind kind, String symbol, String oldValue, String newValue, int line, Cause cause,
        List<Finding> consequences, Fix fix,
        @JsonInclude(JsonInclude.Include.NON_NULL) KernelImage.Annotation kernelImage) {

    /** A finding without a kernel-image annotation. */
    public Finding(Kind kind, String symbol, String oldValue, String newValue, int line, Cause cause,
            List<Finding> consequences, Fix fix) {
        this(kind, symbol, oldValue, newValue, line, cause, consequences, fix, null);
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
        return new Finding(kind, symbol, oldValue, newValue, line, cause, List.copyOf(list), fix, kernelImage);
    }

    /** A copy with a fix. */
    public Finding withFix(Fix f) {
        return new Finding(kind, symbol, oldValue, newValue, line, cause, consequences, f, kernelImage);
    }

    /** A copy with a kernel-image annotation (null for none). */
    public Finding withKernelImage(KernelImage.Annotation a) {
        return new Finding(kind, symbol, oldValue, newValue, line, cause, consequences, fix, a);
    }
}
