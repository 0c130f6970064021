package dev.kconfig4j.menu;

import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Name;
import dev.kconfig4j.expr.Names;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.parse.Location;
import dev.kconfig4j.symbol.Definition;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.symbol.SymbolTable;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A built tree (its menus and symbols, as {@link MenuBuilder} left them) written as a flat
 * sequence of numbers and strings and read back into the same objects: the same menu tree, the
 * same symbols with the same properties in the same order, expressions and properties shared as
 * they were (each written once and then referred to). A tree read back is equal to the one
 * written in every field the menu and symbol layers have; {@code TreeImageTest} compares them
 * field by field. A snapshot stores one so that a load that needs no syntax tree skips building.
 */
public final class TreeImage {
    private TreeImage() {
    }

    /**
     * The image's encoding on the way out: numbers as zigzag varints (most are small: tags,
     * counts, ids), strings once each and then by index (an image is about a third the size it
     * would be in fixed-width numbers, and a load reads that much less).
     */
    private static final class Sink {
        private final DataOutput out;
        private final Map<String, Integer> strings = new HashMap<>();

        Sink(DataOutput out) {
            this.out = out;
        }

        void putInt(int value) throws IOException {
            varint((value << 1) ^ (value >> 31));
        }

        /** A string, null included: 0 for null, 1 and the UTF-8 bytes for a new one, 2 + its index for one seen. */
        void putString(String value) throws IOException {
            if (value == null) {
                varint(0);
                return;
            }
            Integer index = strings.get(value);
            if (index != null) {
                varint(index + 2);
                return;
            }
            strings.put(value, strings.size());
            byte[] b = value.getBytes(StandardCharsets.UTF_8);
            varint(1);
            varint(b.length);
            out.write(b);
        }

        /** An unsigned varint: seven bits a byte, low first, the high bit set on all but the last. */
        private void varint(int v) throws IOException {
            while ((v & ~0x7F) != 0) {
                out.writeByte((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out.writeByte(v);
        }
    }

    /** The image's encoding on the way in ({@link Sink}); anything malformed throws an unchecked exception. */
    private static final class Source {
        private final DataInputStream in;
        private final List<String> strings = new ArrayList<>();
        private byte[] scratch = new byte[1 << 12];

        Source(InputStream in) {
            this.in = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        }

        int getInt() {
            int raw = varint();
            return (raw >>> 1) ^ -(raw & 1);
        }

        String getString() {
            int k = varint();
            if (k == 0) {
                return null;
            }
            if (k > 1) {
                return strings.get(k - 2);
            }
            int n = varint();
            try {
                if (n < 0 || n > in.available()) {
                    throw new IllegalArgumentException("bad length " + n);
                }
                if (n > scratch.length) {
                    scratch = new byte[Math.max(n, scratch.length * 2)];
                }
                in.readFully(scratch, 0, n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String s = new String(scratch, 0, n, StandardCharsets.UTF_8);
            strings.add(s);
            return s;
        }

        /** Fails unless everything was read. */
        void end() {
            try {
                if (in.read() != -1) {
                    throw new IllegalArgumentException("image longer than its tree");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private int varint() {
            try {
                int v = 0;
                for (int shift = 0; shift < 35; shift += 7) {
                    byte b = in.readByte();
                    v |= (b & 0x7F) << shift;
                    if (b >= 0) {
                        return v;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalArgumentException("bad number");
        }
    }

    /** A tree read back: its menus, as {@link MenuBuilder#build} gives them, and the files it was read from. */
    public record Read(MenuBuilder.Result built, List<String> filesRead) {
    }

    private static final int E_NULL = -1;
    private static final int E_REF = 0;
    private static final int E_SYM = 1;
    private static final int E_NOT = 2;
    private static final int E_AND = 3;
    private static final int E_OR = 4;
    private static final int E_COMPARE = 5;

    private static final int P_NULL = -1;
    private static final int P_REF = 0;
    private static final int P_PROMPT = 1;
    private static final int P_DEFAULT = 2;
    private static final int P_SELECT = 3;
    private static final int P_IMPLY = 4;
    private static final int P_RANGE = 5;

    // ------------------------------------------------------------------------------------------
    // writing
    // ------------------------------------------------------------------------------------------

    /**
     * Writes the built tree of {@code symbols} (frozen) rooted at {@code built}. The names of the
     * table from {@code knownNames} on (made while the tree was built, after those a reader has
     * already) are written too.
     */
    public static void write(DataOutput out, SymbolTable symbols, MenuBuilder.Result built, int knownNames,
            List<String> filesRead) throws IOException {
        new Writer(new Sink(out)).write(symbols, built, knownNames, filesRead);
    }

    private static final class Writer {
        private final Sink out;
        private final Map<Expr, Integer> exprs = new IdentityHashMap<>();
        private final Map<Property, Integer> properties = new IdentityHashMap<>();
        private final Map<Menu, Integer> menus = new IdentityHashMap<>();

        Writer(Sink out) {
            this.out = out;
        }

        void write(SymbolTable symbols, MenuBuilder.Result built, int knownNames, List<String> filesRead)
                throws IOException {
            List<Name> all = symbols.names().all();
            out.putInt(knownNames);
            out.putInt(all.size() - knownNames);
            for (Name n : all.subList(knownNames, all.size())) {
                out.putInt(n.isChoice() ? 2 : n.isConstant() ? 1 : 0);
                out.putString(n.text());
            }
            List<Menu> order = new ArrayList<>();
            structure(built.root(), order);
            List<Symbol> table = symbols.all();
            out.putInt(table.size());
            for (Symbol s : table) {
                symbol(s);
            }
            for (Menu m : order) {
                out.putString(m.promptText);
                expr(m.promptCondition);
                property(m.prompt);
                expr(m.dependency);
                expr(m.visibleIf);
                out.putString(m.help);
                out.putInt(m.menuconfig ? 1 : 0);
            }
            out.putString(built.mainMenu());
            out.putInt(built.modules() == null ? -1 : built.modules().id());
            out.putInt(filesRead.size());
            for (String f : filesRead) {
                out.putString(f);
            }
        }

        /** The menu tree's shape, depth first: kind, symbol, location, number of children. */
        private void structure(Menu m, List<Menu> order) throws IOException {
            menus.put(m, order.size());
            order.add(m);
            out.putInt(m.kind().ordinal());
            out.putInt(m.symbol() == null ? -1 : m.symbol().id());
            location(m.location());
            out.putInt(m.children.size());
            for (Menu k : m.children) {
                structure(k, order);
            }
        }

        private void symbol(Symbol s) throws IOException {
            out.putInt(s.type().ordinal());
            out.putInt((s.isOptional() ? 1 : 0) | (s.isTransitional() ? 2 : 0) | (s.isDefconfigList() ? 4 : 0)
                    | (s.isAllnoconfigY() ? 8 : 0) | (s.isFromEnvironment() ? 16 : 0));
            out.putInt(s.definitions().size());
            for (Definition d : s.definitions()) {
                out.putInt(menu(d));
            }
            propertyList(s.prompts());
            propertyList(s.defaults());
            propertyList(s.selects());
            propertyList(s.implies());
            propertyList(s.ranges());
            out.putInt(s.members().size());
            for (Symbol m : s.members()) {
                out.putInt(m.id());
            }
            out.putInt(s.parentChoice() == null ? -1 : s.parentChoice().id());
            expr(s.directDependency());
            expr(s.reverseDependency());
            expr(s.impliedBy());
        }

        private int menu(Definition d) {
            Integer i = d == null ? null : menus.get(Menu.of(d));
            if (i == null) {
                throw new IllegalStateException("a definition outside the menu tree: " + d);
            }
            return i;
        }

        private void propertyList(List<? extends Property> list) throws IOException {
            out.putInt(list.size());
            for (Property p : list) {
                property(p);
            }
        }

        private void property(Property p) throws IOException {
            if (p == null) {
                out.putInt(P_NULL);
                return;
            }
            Integer seen = properties.get(p);
            if (seen != null) {
                out.putInt(P_REF);
                out.putInt(seen);
                return;
            }
            if (p instanceof Property.Prompt x) {
                out.putInt(P_PROMPT);
                out.putString(x.text());
            } else if (p instanceof Property.Default x) {
                out.putInt(P_DEFAULT);
                expr(x.value());
            } else if (p instanceof Property.Select x) {
                out.putInt(P_SELECT);
                out.putInt(x.target().id());
            } else if (p instanceof Property.Imply x) {
                out.putInt(P_IMPLY);
                out.putInt(x.target().id());
            } else if (p instanceof Property.Range x) {
                out.putInt(P_RANGE);
                out.putInt(x.low().id());
                out.putInt(x.high().id());
            }
            expr(p.condition());
            out.putInt(menu(p.definition()));
            location(p.location());
            properties.put(p, properties.size());
        }

        private void location(Location l) throws IOException {
            if (l == null) {
                out.putString(null);
                out.putInt(0);
                return;
            }
            out.putString(l.file());
            out.putInt(l.line());
        }

        /** An expression, each node once: later occurrences of the same object are references. */
        private void expr(Expr e) throws IOException {
            if (e == null) {
                out.putInt(E_NULL);
                return;
            }
            Integer seen = exprs.get(e);
            if (seen != null) {
                out.putInt(E_REF);
                out.putInt(seen);
                return;
            }
            if (e instanceof Expr.Sym s) {
                out.putInt(E_SYM);
                out.putInt(s.name().id());
            } else if (e instanceof Expr.Not n) {
                out.putInt(E_NOT);
                expr(n.operand());
            } else if (e instanceof Expr.And a) {
                out.putInt(E_AND);
                expr(a.left());
                expr(a.right());
            } else if (e instanceof Expr.Or o) {
                out.putInt(E_OR);
                expr(o.left());
                expr(o.right());
            } else if (e instanceof Expr.Compare c) {
                out.putInt(E_COMPARE);
                out.putInt(c.op().ordinal());
                out.putInt(c.left().id());
                out.putInt(c.right().id());
            }
            exprs.put(e, exprs.size());
        }
    }

    // ------------------------------------------------------------------------------------------
    // reading
    // ------------------------------------------------------------------------------------------

    /**
     * Reads a tree written by {@link #write} into {@code symbols}, a new table over the names the
     * writer's reader had (the first {@code knownNames} of the written tree's); the table is
     * frozen when this returns. {@code in} must hold the image and nothing more, and tell how
     * much is left ({@link InputStream#available}: a string longer than that is refused).
     *
     * @throws IllegalArgumentException (or another unchecked exception) if the image is malformed
     */
    public static Read read(InputStream in, SymbolTable symbols) {
        Source source = new Source(in);
        Read read = new Reader(source, symbols).read();
        source.end();
        return read;
    }

    private static final class Reader {
        private final Source in;
        private final SymbolTable symbols;
        private final List<Expr> exprs = new ArrayList<>();
        private final List<Property> properties = new ArrayList<>();
        private final List<Menu> menus = new ArrayList<>();
        private List<Name> names;

        Reader(Source in, SymbolTable symbols) {
            this.in = in;
            this.symbols = symbols;
        }

        Read read() {
            Names table = symbols.names();
            int known = in.getInt();
            if (known != table.size()) {
                throw new IllegalArgumentException("image of a tree with " + known + " names, not " + table.size());
            }
            int extra = count();
            for (int i = 0; i < extra; i++) {
                int kind = in.getInt();
                String text = in.getString();
                Name n = kind == 2 ? table.choice(text) : kind == 1 ? table.constant(text) : table.lookup(text);
                if (n.id() != known + i) {
                    throw new IllegalArgumentException("name " + text + " read out of order");
                }
            }
            names = table.all();
            Menu root = structure(null);
            int count = count();
            if (count != names.size()) {
                throw new IllegalArgumentException("image of " + count + " symbols, not " + names.size());
            }
            for (int i = 0; i < count; i++) {
                symbol(symbols.symbol(names.get(i)));
            }
            for (Menu m : menus) {
                m.promptText = in.getString();
                m.promptCondition = expr();
                m.prompt = (Property.Prompt) property();
                m.dependency = expr();
                m.visibleIf = expr();
                m.help = in.getString();
                m.menuconfig = in.getInt() != 0;
            }
            String mainMenu = in.getString();
            int modules = in.getInt();
            int files = count();
            List<String> filesRead = new ArrayList<>(files);
            for (int i = 0; i < files; i++) {
                filesRead.add(in.getString());
            }
            symbols.freeze();
            root.freeze();
            return new Read(new MenuBuilder.Result(root, mainMenu, modules < 0 ? null : symbol(modules)),
                    List.copyOf(filesRead));
        }

        private int count() {
            int n = in.getInt();
            if (n < 0) {
                throw new IllegalArgumentException("bad count " + n);
            }
            return n;
        }

        private Symbol symbol(int id) {
            return symbols.symbol(names.get(id));
        }

        private Menu structure(Menu parent) {
            Menu.Kind kind = Menu.Kind.values()[in.getInt()];
            int symbol = in.getInt();
            Menu m = new Menu(kind, symbol < 0 ? null : symbol(symbol), location());
            m.parent = parent;
            menus.add(m);
            int children = count();
            for (int i = 0; i < children; i++) {
                m.children.add(structure(m));
            }
            return m;
        }

        private void symbol(Symbol s) {
            Type type = Type.values()[in.getInt()];
            if (type != Type.UNKNOWN) {
                symbols.setType(s, type);
            }
            int flags = in.getInt();
            if ((flags & 1) != 0) {
                symbols.setOptional(s, true);
            }
            if ((flags & 2) != 0) {
                symbols.setTransitional(s);
            }
            if ((flags & 4) != 0) {
                symbols.setDefconfigList(s);
            }
            if ((flags & 8) != 0) {
                symbols.setAllnoconfigY(s);
            }
            if ((flags & 16) != 0) {
                symbols.setFromEnvironment(s);
            }
            int definitions = count();
            for (int i = 0; i < definitions; i++) {
                symbols.addDefinition(s, menus.get(in.getInt()));
            }
            for (int i = count(); i > 0; i--) {
                symbols.addPrompt(s, (Property.Prompt) property());
            }
            for (int i = count(); i > 0; i--) {
                symbols.addDefault(s, (Property.Default) property());
            }
            for (int i = count(); i > 0; i--) {
                symbols.addSelect(s, (Property.Select) property());
            }
            for (int i = count(); i > 0; i--) {
                symbols.addImply(s, (Property.Imply) property());
            }
            for (int i = count(); i > 0; i--) {
                symbols.addRange(s, (Property.Range) property());
            }
            List<Symbol> members = new ArrayList<>();
            for (int i = count(); i > 0; i--) {
                members.add(symbol(in.getInt()));
            }
            int parentChoice = in.getInt();
            symbols.restore(s, members, parentChoice < 0 ? null : symbol(parentChoice), expr(), expr(), expr());
        }

        private Property property() {
            int tag = in.getInt();
            if (tag == P_NULL) {
                return null;
            }
            if (tag == P_REF) {
                return properties.get(in.getInt());
            }
            String text = null;
            Expr value = null;
            Symbol target = null;
            Symbol high = null;
            switch (tag) {
                case P_PROMPT -> text = in.getString();
                case P_DEFAULT -> value = expr();
                case P_SELECT, P_IMPLY -> target = symbol(in.getInt());
                case P_RANGE -> {
                    target = symbol(in.getInt());
                    high = symbol(in.getInt());
                }
                default -> throw new IllegalArgumentException("bad property tag " + tag);
            }
            Expr condition = expr();
            Menu definition = menus.get(in.getInt());
            Location location = location();
            Property p = switch (tag) {
                case P_PROMPT -> new Property.Prompt(text, condition, definition, location);
                case P_DEFAULT -> new Property.Default(value, condition, definition, location);
                case P_SELECT -> new Property.Select(target, condition, definition, location);
                case P_IMPLY -> new Property.Imply(target, condition, definition, location);
                default -> new Property.Range(target, high, condition, definition, location);
            };
            properties.add(p);
            return p;
        }

        private Location location() {
            String file = in.getString();
            int line = in.getInt();
            return file == null ? null : new Location(file, line);
        }

        private Expr expr() {
            int tag = in.getInt();
            Expr e = switch (tag) {
                case E_NULL -> null;
                case E_REF -> exprs.get(in.getInt());
                case E_SYM -> Expr.sym(names.get(in.getInt()));
                case E_NOT -> new Expr.Not(expr());
                case E_AND -> {
                    Expr left = expr();
                    yield new Expr.And(left, expr());
                }
                case E_OR -> {
                    Expr left = expr();
                    yield new Expr.Or(left, expr());
                }
                case E_COMPARE -> {
                    Expr.CompareOp op = Expr.CompareOp.values()[in.getInt()];
                    Name left = names.get(in.getInt());
                    yield new Expr.Compare(op, left, names.get(in.getInt()));
                }
                default -> throw new IllegalArgumentException("bad expression tag " + tag);
            };
            if (tag != E_NULL && tag != E_REF) {
                exprs.add(e);
            }
            return e;
        }
    }
}
