/**
 * The one private directory that holds every cache of kconfig4j, and the rules that decide whether
 * something found there may be trusted (owner, mode, no links), plus manifests that verify a
 * cached directory before it is reused.
 *
 * <p>Depends on nothing else of kconfig4j: the probe cache ({@code preprocess}), the parsed-tree
 * snapshots ({@code snapshot}) and the git revisions of {@code impact} all build on it.
 */
package dev.kconfig4j.cache;
