package dev.kconfig4j.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * menuconfig's <Esc><Esc>: a first Esc is remembered, the second one completes it, any other key
 * forgets it. Terminals that send two quick escapes as one sequence deliver Alt-Esc, which
 * completes it at once.
 */
final class DoubleEscape {
    private boolean pending;

    /** Whether {@code k} completes <Esc><Esc>. */
    boolean completes(KeyStroke k) {
        if (k.getKeyType() != KeyType.Escape) {
            pending = false;
            return false;
        }
        if (pending || k.isAltDown()) {
            pending = false;
            return true;
        }
        pending = true;
        return false;
    }
}
