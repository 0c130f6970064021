package dev.kconfig4j.kbuild;

import dev.kconfig4j.parse.Location;

/**
 * One word of a variable's value and when it is there: {@code obj-$(CONFIG_FOO) += foo.o} puts
 * {@code foo.o} in {@code obj-y} when {@code FOO=y}. {@code origin} is where the word was written
 * (it may travel through variables: {@code drivers-$(CONFIG_PCI) += arch/x86/pci/} reaches the
 * top-level Kbuild's {@code obj-y} through {@code ARCH_DRIVERS}).
 */
public record Word(String text, Condition when, Location origin) {
    public Word and(Condition c) {
        return c.isTrue() ? this : new Word(text, when.and(c), origin);
    }
}
