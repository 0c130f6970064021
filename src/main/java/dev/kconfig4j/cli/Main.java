package dev.kconfig4j.cli;

/** The {@code kconfig4j} executable. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int status = Cli.execute(Cli.Context.ofProcess(), args);
        System.out.flush();
        System.exit(status);
    }
}
