package dev.limber.container;

import dev.limber.database.LimberException;

/** A service that cannot be made: not registered, of another type, circular, or its factory failed. */
public class ContainerException extends LimberException {
    private static final long serialVersionUID = 1L;

    public ContainerException(String message) {
        super(message);
    }

    public ContainerException(String message, Throwable cause) {
        super(message, cause);
    }
}
