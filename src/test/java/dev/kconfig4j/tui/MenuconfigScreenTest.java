package dev.kconfig4j.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.tui.SessionView.Entry;
import dev.kconfig4j.tui.SessionView.Kind;
import dev.kconfig4j.tui.SessionView.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The screen as a person sees it, drawn on a virtual terminal from a small hand-made session:
 * menuconfig's lines, frames, keys, dialogs, sizes and the ASCII fallback.
 */
class MenuconfigScreenTest {
    private static Entry bool(String id, String prompt, String name, String value, List<String> allowed) {
        return new Entry(id, 0, Kind.SYMBOL, Type.BOOL, prompt, name, value, allowed, false, false, true, null, false);
    }

    @Test
    void linesAreWrittenAsMenuconfigWritesThem() {
        assertThat(Menuconfig.line(bool("a", "64-bit kernel", null, "y", List.of("n", "y")))).isEqualTo(" [*] 64-bit kernel");
        assertThat(Menuconfig.line(bool("a", "64-bit kernel", "64BIT", "n", List.of("n", "y"))))
                .isEqualTo(" [ ] 64-bit kernel (64BIT)");
        // select fixes the value: dashes instead of brackets
        assertThat(Menuconfig.line(bool("a", "CRC32", null, "y", List.of("y")))).isEqualTo(" -*- CRC32");
        Entry tri = new Entry("t", 1, Kind.SYMBOL, Type.TRISTATE, "Hyper-V", null, "m", List.of("n", "m", "y"), false,
                false, true, null, false);
        assertThat(Menuconfig.line(tri)).isEqualTo(" <M>   Hyper-V");
        Entry selectedM = new Entry("t", 0, Kind.SYMBOL, Type.TRISTATE, "Hyper-V", null, "m", List.of("m", "y"), false,
                false, true, null, false);
        assertThat(Menuconfig.line(selectedM)).isEqualTo(" {M} Hyper-V");
        Entry menu = new Entry("m", 0, Kind.MENU, Type.NONE, "General setup", null, null, List.of(), true, false, true,
                null, false);
        assertThat(Menuconfig.line(menu)).isEqualTo("     General setup  --->");
        Entry empty = new Entry("m", 0, Kind.MENU, Type.NONE, "Empty", null, null, List.of(), true, true, true, null, false);
        assertThat(Menuconfig.line(empty)).isEqualTo("     Empty  ----");
        Entry number = new Entry("n", 0, Kind.SYMBOL, Type.INT, "Maximum number of CPUs", null, "64", List.of(), false,
                false, true, null, false);
        assertThat(Menuconfig.line(number)).isEqualTo(" (64) Maximum number of CPUs");
        Entry comment = new Entry("c", 0, Kind.COMMENT, Type.NONE, "Debugging", null, null, List.of(), false, false, true,
                null, false);
        assertThat(Menuconfig.line(comment)).isEqualTo("     *** Debugging ***");
        Entry choice = new Entry("ch", 0, Kind.CHOICE, Type.NONE, "Preemption Model", null, "Voluntary", List.of(), true,
                false, true, null, false);
        assertThat(Menuconfig.line(choice)).isEqualTo("     Preemption Model (Voluntary)  --->");
        Entry member = new Entry("x", 0, Kind.SYMBOL, Type.BOOL, "Voluntary", null, "y", List.of("y"), false, false, true,
                null, true);
        assertThat(Menuconfig.line(member)).isEqualTo(" (X) Voluntary");
        Entry hidden = new Entry("h", 0, Kind.SYMBOL, Type.BOOL, "PCI driver", null, "n", List.of("n"), false, false,
                false, "depends on PCI [=n]", false);
        assertThat(Menuconfig.line(hidden)).isEqualTo(" --- PCI driver  [hidden]");
    }
}
