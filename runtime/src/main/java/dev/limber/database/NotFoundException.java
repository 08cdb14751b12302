package dev.limber.database;

/** Thrown by Session.get when no live row has the id. */
public class NotFoundException extends LimberException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, String sql, Throwable cause) {
        super(message, sql, cause);
    }
}
