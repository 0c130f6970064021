/**
 * What the kernel's Makefiles build from config symbols: a reader and symbolic evaluator for the
 * part of make's language Kbuild uses ({@link dev.kconfig4j.kbuild.MakefileReader},
 * {@link dev.kconfig4j.kbuild.MakeEvaluator}), the walk from the top level into every directory
 * ({@link dev.kconfig4j.kbuild.KbuildTree}), and the resulting map of objects, directories,
 * modules and forcing constructs ({@link dev.kconfig4j.kbuild.KbuildMap}), the modules each
 * {@code =m} symbol of a config produces, its own or derived through merged code and selects
 * ({@link dev.kconfig4j.kbuild.ModuleOrigins}); and {@link dev.kconfig4j.kbuild.LocalModConfig},
 * which follows the kernel's streamline_config.pl, reading the Makefiles and Kconfig files by its
 * line patterns instead ({@code ScriptObjects}, {@code ScriptKconfig}) so its result is the kernel's.
 *
 * <p>Depends on {@code symbol}, {@code expr}, {@code parse} (locations), {@code confdata} and the
 * root ({@code KernelEnvironment}; {@code Kconfig} for {@code LocalModConfig}).
 */
package dev.kconfig4j.kbuild;
