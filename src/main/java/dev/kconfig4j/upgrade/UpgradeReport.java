package dev.kconfig4j.upgrade;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kconfig4j.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of carrying one config to a new tree.
 *
 * @param schemaVersion the version of this report's JSON form (see docs/upgrade-report.md)
 * @param config the user's config file, as named on the command line
 * @param srctree the new tree
 * @param kernel the new tree's title (its mainmenu)
 * @param dialect the Kconfig dialect the new tree was evaluated in
 * @param findings root findings, each with its consequences, in report order ({@link Ranking})
 * @param fix the combined fix for every loss, verified together (null when nothing is lost)
 * @param warnings what reading the config reported, as values (location, severity, the kernel's text)
 * @param kernelImage what the upgrade does to vmlinux and the modules through forcing Kbuild
 *     constructs ({@link KernelImage}); null when the Makefiles were not read
 */
public record UpgradeReport(int schemaVersion, String config, String srctree, String kernel, String dialect,
        List<Finding> findings, Fix fix, List<Diagnostic> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) KernelImage.Section kernelImage) {

    /** 2: {@code warnings} are objects ({@link Diagnostic}), no longer strings. */
    public static final int SCHEMA_VERSION = 2;

    public UpgradeReport {
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }

    /** A report without a kernel-image section. */
    public UpgradeReport(int schemaVersion, String config, String srctree, String kernel, String dialect,
            List<Finding> findings, Fix fix, List<Diagnostic> warnings) {
        this(schemaVersion, config, srctree, kernel, dialect, findings, fix, warnings, null);
    }

    /** A copy with a kernel-image section. */
    public UpgradeReport withKernelImage(KernelImage.Section section) {
        return new UpgradeReport(schemaVersion, config, srctree, kernel, dialect, findings, fix, warnings, section);
    }

    /** Every finding, roots and consequences, depth first. */
    public List<Finding> allFindings() {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            collect(f, out);
        }
        return out;
    }

    private static void collect(Finding f, List<Finding> out) {
        out.add(f);
        for (Finding c : f.consequences()) {
            collect(c, out);
        }
    }

    /** How many findings of a kind there are, at any depth. */
    public long count(Finding.Kind kind) {
        return allFindings().stream().filter(f -> f.kind() == kind).count();
    }

    /**
     * Whether the user loses an option they chose ({@link Finding.Category#OPTION_LOST}): what
     * {@code --fail-on lost} fails for. A value the toolchain decides, or a helper symbol, is
     * not such a loss.
     */
    public boolean losesSomething() {
        return allFindings().stream().anyMatch(f -> f.category() == Finding.Category.OPTION_LOST);
    }

    /** Whether anything the user set changed (any finding but NEW). */
    public boolean changesSomething() {
        return allFindings().stream().anyMatch(f -> f.kind() != Finding.Kind.NEW);
    }

    static boolean isEnabled(String value) {
        return value != null && !value.equals("n");
    }
}
