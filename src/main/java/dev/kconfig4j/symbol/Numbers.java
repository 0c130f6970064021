package dev.kconfig4j.symbol;

import dev.kconfig4j.expr.Type;

/**
 * The number syntax of int and hex values. Kconfig reads numbers the way C's {@code strtoll}
 * does (leading blanks, a sign, an optional {@code 0x} in base 16, digits up to the first
 * character that is not one, saturating on overflow), and that leniency is visible in results:
 * a range bound {@code "0x10"} read as an int is 0.
 */
public final class Numbers {
    private Numbers() {
    }

    /** The result of parsing: the value and how many characters were consumed (0: no digits). */
    public record Parsed(long value, int end, boolean overflow) {
    }

    /** C's {@code strtoll(s, &end, base)} for base 10, 16 or 0 (auto: 0x is hex, a leading 0 octal). */
    public static Parsed strtoll(String s, int base) {
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int b = base;
        if ((b == 0 || b == 16) && i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < n && Character.digit(s.charAt(i + 2), 16) >= 0) {
            i += 2;
            b = 16;
        } else if (b == 0) {
            b = (i < n && s.charAt(i) == '0') ? 8 : 10;
        }
        int start = i;
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long acc = 0; // accumulated negatively to reach Long.MIN_VALUE
        boolean overflow = false;
        while (i < n) {
            int d = Character.digit(s.charAt(i), b);
            if (d < 0) {
                break;
            }
            if (!overflow) {
                if (acc < (limit + d) / b) {
                    overflow = true;
                } else {
                    acc = acc * b - d;
                    if (acc < limit) {
                        overflow = true;
                    }
                }
            }
            i++;
        }
        if (i == start) {
            return new Parsed(0, 0, false);
        }
        long value = overflow ? (negative ? Long.MIN_VALUE : Long.MAX_VALUE) : (negative ? acc : -acc);
        return new Parsed(value, i, overflow);
    }

    /** {@code strtoll(s, NULL, base)}: just the value. */
    public static long parse(String s, int base) {
        return strtoll(s, base).value();
    }

    /** Whether {@code text} is a valid value for a symbol of {@code type}, as a config file may give it. */
    public static boolean isValid(Type type, String text) {
        switch (type) {
            case STRING:
                return true;
            case INT: {
                int i = 0;
                if (text.startsWith("-")) {
                    i = 1;
                }
                if (i >= text.length() || !isDigit(text.charAt(i))) {
                    return false;
                }
                if (text.charAt(i) == '0' && i + 1 < text.length()) {
                    return false;
                }
                for (int j = i + 1; j < text.length(); j++) {
                    if (!isDigit(text.charAt(j))) {
                        return false;
                    }
                }
                return true;
            }
            case HEX: {
                int i = 0;
                if (text.length() >= 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
                    i = 2;
                }
                if (i >= text.length()) {
                    return false;
                }
                for (int j = i; j < text.length(); j++) {
                    if (Character.digit(text.charAt(j), 16) < 0 || text.charAt(j) > 'f') {
                        return false;
                    }
                }
                return true;
            }
            case BOOL:
            case TRISTATE:
                return !text.isEmpty() && "yYmMnN".indexOf(text.charAt(0)) >= 0;
            default:
                return false;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
