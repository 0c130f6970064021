package dev.kconfig4j.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which commands may run ahead of their turn: those whose output redirections write no file. */
class ProbeAheadTest {
    @Test
    void outputToDevNullOrToAnotherDescriptorWritesNoFile() {
        assertThat(ProbeAhead.writesNoFile("{ gcc -c x.c; } >/dev/null 2>&1 && echo y || echo n")).isTrue();
        assertThat(ProbeAhead.writesNoFile("gcc --version 2> /dev/null")).isTrue();
        assertThat(ProbeAhead.writesNoFile("echo x >&2")).isTrue();
        assertThat(ProbeAhead.writesNoFile("trap \"rm -rf .tmp_$$\" EXIT; mkdir .tmp_$$; cc -o .tmp_$$/tmp.o")).isTrue();
        assertThat(ProbeAhead.writesNoFile("echo 'a > b' \"c >> d\"")).isTrue();
        assertThat(ProbeAhead.writesNoFile("echo a \\> b")).isTrue();
    }

    @Test
    void outputToAFileKeepsTheCommandsTurn() {
        assertThat(ProbeAhead.writesNoFile("echo x >> log")).isFalse();
        assertThat(ProbeAhead.writesNoFile("echo x>log")).isFalse();
        assertThat(ProbeAhead.writesNoFile("echo x 2>errors")).isFalse();
        assertThat(ProbeAhead.writesNoFile("echo x >| log")).isFalse();
        assertThat(ProbeAhead.writesNoFile("echo x >/dev/nullx")).isFalse();
        assertThat(ProbeAhead.writesNoFile("echo x >& log")).isFalse();
        assertThat(ProbeAhead.writesNoFile("echo x &>log")).isFalse();
    }
}
