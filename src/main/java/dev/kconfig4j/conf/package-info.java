/** The modes of the kernel's conf tool (olddefconfig, defconfig, all*config, ...) as a library. */
package dev.kconfig4j.conf;
