package dev.limber.database;

/** A model or value that cannot be mapped: not a registered model, a value of the wrong type, a column that cannot be read. */
public class MappingException extends LimberException {
    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, String sql, Throwable cause) {
        super(message, sql, cause);
    }
}
