/**
 * Warnings and errors as values: each {@link dev.kconfig4j.diagnostic.Diagnostic} has its
 * location, severity and the kernel's exact text; loading, reading and analysing report them to
 * {@link dev.kconfig4j.diagnostic.Diagnostics}, and only the command line prints them. An error
 * that stops an operation is a {@link dev.kconfig4j.diagnostic.KconfigException}. The bottom
 * of the pipeline. Depends on no other package of kconfig4j.
 */
package dev.kconfig4j.diagnostic;
