package dev.kconfig4j.symbol;

import dev.kconfig4j.dialect.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The order in which the kernel's tool walks its symbol table, which is the order of
 * {@code auto.conf}, {@code autoconf.h} and {@code rustc_cfg}.
 *
 * <p>The kernel keeps named symbols in a chained hash table: the bucket of a name is the 32-bit
 * FNV-1a hash of its bytes modulo the table size (9973 buckets up to 6.1, 16384 from 6.12), and a
 * new symbol goes to the front of its bucket's chain. A walk visits the buckets in ascending
 * order, each chain from the most recently created symbol to the oldest. Observed with the
 * kernel's own tool: names that share a bucket come out newest first.
 *
 * <p>Symbols are created in the order the parser first meets their names, which is also the
 * order of {@link SymbolTable#all()} (the symbol ids), so the walk follows from names and ids.
 */
public final class SymbolHashOrder {
    private SymbolHashOrder() {
    }

    /** The number of buckets of the kernel's symbol table in this dialect. */
    public static int buckets(Dialect dialect) {
        return dialect.symbolTableBuckets();
    }

    /** The 32-bit FNV-1a hash of a name's bytes (chars sign-extended, as on x86). */
    public static int fnv1a(String name) {
        int h = 0x811c9dc5;
        for (byte b : name.getBytes(StandardCharsets.ISO_8859_1)) {
            h ^= b;
            h *= 0x01000193;
        }
        return h;
    }

    /** The bucket of a name. */
    public static int bucket(String name, int buckets) {
        return (int) (Integer.toUnsignedLong(fnv1a(name)) % buckets);
    }

    /**
     * Every symbol of the kernel's table in its walk order: named symbols, quoted constants and
     * nameless choices (which hash to bucket 0); only the tristate constants y, m and n live
     * outside the table. Callers pick what they need (auto.conf only writes named symbols).
     */
    public static List<Symbol> order(SymbolTable table, Dialect dialect) {
        int n = buckets(dialect);
        List<Symbol> all = table.all();
        int[] bucketOf = new int[all.size()];
        int[] count = new int[n + 1];
        for (int i = 0; i < all.size(); i++) {
            Symbol s = all.get(i);
            if (s.isConstant() && (s == table.yes() || s == table.mod() || s == table.no())) {
                bucketOf[i] = -1;
                continue;
            }
            bucketOf[i] = s.name() == null ? 0 : bucket(s.name(), n);
            count[bucketOf[i] + 1]++;
        }
        for (int b = 0; b < n; b++) {
            count[b + 1] += count[b];
        }
        Symbol[] out = new Symbol[count[n]];
        // Counting sort by bucket; within a bucket, newest (highest id) first.
        int[] next = count.clone();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (bucketOf[i] >= 0) {
                out[next[bucketOf[i]]++] = all.get(i);
            }
        }
        return new ArrayList<>(List.of(out));
    }
}
