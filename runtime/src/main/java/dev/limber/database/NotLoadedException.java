package dev.limber.database;

/**
 * A relation holder ({@link Ref} or {@link Many}) was read although no query loaded it. Limber
 * has no lazy loading: load relations with {@code query.with(...)} or {@code session.load(...)}.
 */
public class NotLoadedException extends LimberException {
    private static final long serialVersionUID = 1L;

    private final String relation;

    public NotLoadedException(String relation) {
        super(relation + " was not loaded; there is no lazy loading: load it with query(...).with(" + metamodel(relation)
                + ") or session.load(models, " + metamodel(relation) + ")");
        this.relation = relation;
    }

    /** The relation, as {@code Model.field}. */
    public String relation() {
        return relation;
    }

    /** {@code Book.author} → {@code Book_.author}. */
    private static String metamodel(String relation) {
        int dot = relation.lastIndexOf('.');
        return dot < 0 ? relation : relation.substring(0, dot) + "_" + relation.substring(dot);
    }
}
