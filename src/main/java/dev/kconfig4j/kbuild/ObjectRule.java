package dev.kconfig4j.kbuild;

import dev.kconfig4j.parse.Location;
import java.util.List;
import java.util.Set;

/**
 * One line of a Makefile that lists objects or directories for Kbuild, as written and as
 * evaluated: {@code obj-$(subst m,y,$(CONFIG_HYPERV)) += hv_common.o} in drivers/hv/Makefile is
 * a rule of kind {@link Kind#OBJECT} whose target is {@code obj-y} when {@code HYPERV!=n}, so it
 * {@link Forcing#BUILTIN forces} built-in code for {@code HYPERV=m}.
 *
 * @param location file and line of the assignment
 * @param directory the directory whose build reads it ({@code .} for the top level)
 * @param target the variable name as written, e.g. {@code obj-$(CONFIG_FOO)}
 * @param base the name before the {@code -y}/{@code -m}/{@code -objs} suffix: {@code obj},
 *     {@code lib}, {@code subdir}, {@code core}..., or a composite object's name
 * @param kind what the listed words are to Kbuild
 * @param context the condition of the enclosing {@code ifdef}/{@code ifeq} blocks
 * @param whenBuiltin when the target names the {@code -y} list (or {@code -objs}), regardless of context
 * @param whenModule when the target names the {@code -m} list, regardless of context
 * @param objects the listed words, each with its own condition (from functions such as {@code $(if ...)})
 * @param forcing whether the target turns {@code m} into {@code y} or {@code y} into {@code m}
 * @param forcingSymbols the symbols whose value the target turns around
 */
public record ObjectRule(Location location, String directory, String target, String base, Kind kind,
        Condition context, Condition whenBuiltin, Condition whenModule, List<Word> objects, Forcing forcing,
        Set<String> forcingSymbols) {

    /** What the words of a rule are. */
    public enum Kind {
        /** {@code obj-y}/{@code obj-m}: objects (and directories, with a trailing slash) of this directory. */
        OBJECT,
        /** {@code lib-y}/{@code lib-m}: objects archived into the directory's lib.a. */
        LIBRARY,
        /** {@code subdir-y}/{@code subdir-m}: directories visited without linking their objects. */
        SUBDIR,
        /** {@code core-}, {@code drivers-}, {@code libs-}, {@code init-}, {@code net-}, {@code virt-}: vmlinux's directory lists. */
        VMLINUX,
        /** {@code foo-y}/{@code foo-m}/{@code foo-objs}: the parts of a composite object {@code foo.o}. */
        COMPOSITE
    }

    /** What a target construct does to a symbol's value. */
    public enum Forcing {
        /** An ordinary target: {@code y} builds in, {@code m} builds a module. */
        NONE,
        /** {@code m} builds in: {@code $(subst m,y,$(CONFIG_X))}, {@code $(CONFIG_X:m=y)}, {@code $(if $(CONFIG_X),y)}. */
        BUILTIN,
        /** {@code y} builds a module: {@code $(subst y,$(CONFIG_A),$(CONFIG_X))} with {@code A=m}. */
        MODULE
    }

    /** {@code file:line: target += words}, the way the Makefile says it. */
    public String describe() {
        StringBuilder sb = new StringBuilder(location.toString()).append(": ").append(target).append(" +=");
        for (Word w : objects) {
            sb.append(' ').append(w.text());
        }
        if (!context.isTrue()) {
            sb.append("  (inside a conditional: ").append(context).append(')');
        }
        return sb.toString();
    }
}
