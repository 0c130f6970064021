package dev.kconfig4j.preprocess;

import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.diagnostic.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The functions Kconfig provides natively (the same set in 5.10, 6.1 and 6.12). A user variable
 * of the same name wins over a built-in: the kernel looks variables up first, so
 * {@code filename := x} makes {@code $(filename)} expand to {@code x}.
 */
enum BuiltinFunction {
    SHELL("shell", 1) {
        @Override
        String call(List<String> args, Expansion at) {
            return at.shell().run(args.get(0), at.file(), at.line());
        }
    },
    INFO("info", 1) {
        @Override
        String call(List<String> args, Expansion at) {
            at.stdout().print(args.get(0) + "\n");
            return "";
        }
    },
    WARNING_IF("warning-if", 2) {
        @Override
        String call(List<String> args, Expansion at) {
            if (isTrue(args.get(0))) {
                at.diagnostics().report(new Diagnostic(Diagnostic.Severity.WARNING, at.file(), at.line(), args.get(1),
                        at.file() + ":" + at.line() + ": " + args.get(1)));
            }
            return "";
        }
    },
    ERROR_IF("error-if", 2) {
        @Override
        String call(List<String> args, Expansion at) {
            if (isTrue(args.get(0))) {
                throw new KconfigException(at.file(), at.line(), args.get(1));
            }
            return "";
        }
    },
    FILENAME("filename", 0) {
        @Override
        String call(List<String> args, Expansion at) {
            return at.file();
        }
    },
    LINENO("lineno", 0) {
        @Override
        String call(List<String> args, Expansion at) {
            return Integer.toString(at.line());
        }
    };

    private static final Map<String, BuiltinFunction> BY_NAME =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(f -> f.kconfigName, Function.identity()));

    private final String kconfigName;
    /** Every built-in takes an exact number of arguments (minimum and maximum coincide). */
    private final int arity;

    BuiltinFunction(String kconfigName, int arity) {
        this.kconfigName = kconfigName;
        this.arity = arity;
    }

    /** The built-in called {@code name} in Kconfig text, or null. */
    static BuiltinFunction named(String name) {
        return BY_NAME.get(name);
    }

    /** Checks the argument count (kernel wording) and calls the function. */
    String invoke(List<String> args, Expansion at) {
        if (args.size() < arity) {
            throw new KconfigException(at.file(), at.line(),
                    "too few function arguments passed to '" + kconfigName + "'");
        }
        if (args.size() > arity) {
            throw new KconfigException(at.file(), at.line(),
                    "too many function arguments passed to '" + kconfigName + "'");
        }
        return call(args, at);
    }

    abstract String call(List<String> args, Expansion at);

    /** Conditions are true only when exactly {@code y}: not {@code " y"}, not {@code yes}. */
    private static boolean isTrue(String condition) {
        return condition.equals("y");
    }
}
