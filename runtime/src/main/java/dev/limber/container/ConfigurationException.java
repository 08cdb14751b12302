package dev.limber.container;

import dev.limber.database.LimberException;
import java.util.List;

/**
 * Configuration that cannot be used. Lists every problem found, each naming the key, where its
 * value came from ({@code limber.properties}, an environment variable, …) and how to fix it.
 */
public class ConfigurationException extends LimberException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        super(problems.size() == 1
                ? "Invalid Limber configuration: " + problems.get(0)
                : "Invalid Limber configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigurationException(String problem, Throwable cause) {
        super("Invalid Limber configuration: " + problem, cause);
        this.problems = List.of(problem);
    }

    /** Each problem on its own, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
