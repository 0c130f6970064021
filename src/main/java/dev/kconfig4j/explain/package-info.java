/** Why a symbol has its value: its origin, visibility, bounds and what blocks changing it ({@code kconfig4j why}). */
package dev.kconfig4j.explain;
