package dev.kconfig4j.kbuild;

import dev.kconfig4j.parse.Location;
import java.util.List;

/**
 * One statement of a Makefile as {@link MakefileReader} reads it: the subset of make's syntax
 * that decides what Kbuild builds. Text is kept unexpanded; {@link MakeEvaluator} expands it.
 * Rules and recipes are not statements: they build files but do not choose them.
 */
public sealed interface MakeStatement {
    Location location();

    /** The assignment operators: {@code =}, {@code :=} (and {@code ::=}), {@code +=}, {@code ?=}, {@code !=}. */
    enum Op {
        RECURSIVE, SIMPLE, APPEND, CONDITIONAL, SHELL
    }

    /** {@code name op value}, possibly preceded by {@code export} or {@code override}. */
    record Assign(Location location, String name, Op op, String value, boolean export) implements MakeStatement {
    }

    /** {@code define name ... endef}: a recursive (or, with {@code :=}, simple) multi-line variable. */
    record Define(Location location, String name, Op op, String body) implements MakeStatement {
    }

    /**
     * {@code ifdef}/{@code ifndef}/{@code ifeq}/{@code ifneq}, with its branches ({@code else if...}
     * chains are an {@code If} in {@code otherwise}).
     */
    record If(Location location, Test test, List<MakeStatement> then, List<MakeStatement> otherwise)
            implements MakeStatement {
    }

    /** {@code include}, {@code -include} or {@code sinclude} of the (unexpanded) file list. */
    record Include(Location location, String files, boolean optional) implements MakeStatement {
    }

    /** {@code export NAME...} without assignment. */
    record Export(Location location, String names) implements MakeStatement {
    }

    /** The test of a conditional directive. */
    sealed interface Test {
        /** The directive as written, for messages. */
        String text();
    }

    /** {@code ifdef NAME} (or {@code ifndef} when negated): the variable has a non-empty value. */
    record Defined(String name, boolean negated, String text) implements Test {
    }

    /** {@code ifeq (a,b)} (or {@code ifneq} when negated): the expansions are equal. */
    record Equal(String left, String right, boolean negated, String text) implements Test {
    }
}
