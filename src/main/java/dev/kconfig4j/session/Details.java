package dev.kconfig4j.session;

import dev.kconfig4j.explain.Explanation;
import java.util.List;

/**
 * Everything about one entry: its help, where it is, why it has its value (the explanation of
 * {@code kconfig4j why}: origin, dependencies with each term's value, selects and implies with
 * their values, what blocks a change) and what it builds.
 *
 * @param entry the entry's id
 * @param symbol the symbol's name, or null
 * @param prompt the prompt, or null
 * @param help the help text, or null
 * @param kernelHelp the help screen exactly as menuconfig shows it
 * @param locations every definition: {@code file:line} and its place in the menus
 * @param why the explanation of the value; null for menus and comments
 * @param builds what the symbol builds; null for menus and comments, and while the Makefiles are
 *     still being read when {@link ConfigSession#details(int, boolean)} was asked not to wait
 */
public record Details(int entry, String symbol, String prompt, String help, String kernelHelp,
        List<Definition> locations, Explanation why, Builds builds) {
    public Details {
        locations = List.copyOf(locations);
    }

    /** One definition: where it is written and where the menus show it. */
    public record Definition(int entry, String location, String prompt, List<MenuPage.Crumb> path) {
        public Definition {
            path = List.copyOf(path);
        }
    }

    /**
     * What the Makefiles build from a symbol (read for the session's architecture).
     *
     * @param objects objects listed under a condition on the symbol: path, and when built in / as which module
     * @param directories directories listed under such a condition
     * @param forced constructs that build code in although the symbol is m, or as a module although it is y
     * @param objectsBelow how many objects live below those directories
     */
    public record Builds(List<String> objects, List<String> directories, List<String> forced, int objectsBelow) {
        public Builds {
            objects = List.copyOf(objects);
            directories = List.copyOf(directories);
            forced = List.copyOf(forced);
        }
    }
}
