package dev.limber.database;

import dev.limber.database.dialect.Dialect;
import dev.limber.database.dialect.ReplayPositions;
import java.util.Objects;

/**
 * Where a primary's log stood after a commit: a replica that has replayed that far shows the
 * commit. {@link Engine#lastCommit()} gives the engine's own; carry it across requests and
 * processes as text ({@link #toString()}, e.g. in a cookie or a session attribute) and read with
 * {@code engine.read(CommitToken.parse(text), fn)}, so that the user sees their own write wherever
 * the next request lands.
 *
 * <p>The text is {@code <dialect>:<position>}: {@code postgresql:16/B374D848},
 * {@code mariadb:0-1-1042}; {@link #NONE} (no commit to wait for) is the empty string.
 */
public final class CommitToken {
    /** No commit to wait for: any replica within the lag bound will do. */
    public static final CommitToken NONE = new CommitToken(null, null);

    private final Dialect dialect;
    private final String position;

    private CommitToken(Dialect dialect, String position) {
        this.dialect = dialect;
        this.position = position;
    }

    static CommitToken of(Dialect dialect, String position) {
        return position == null || position.isEmpty() ? NONE : new CommitToken(dialect, position);
    }

    /**
     * The token whose {@link #toString()} is {@code text}; null or empty text is {@link #NONE}.
     *
     * @throws LimberException when the text is not a token
     */
    public static CommitToken parse(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        int colon = text.indexOf(':');
        try {
            if (colon < 0) {
                throw new IllegalArgumentException("no dialect prefix");
            }
            Dialect dialect = Dialect.named(text.substring(0, colon));
            ReplayPositions positions = dialect.replayPositions();
            if (positions == null) {
                throw new IllegalArgumentException(dialect.productName() + " has no replicas");
            }
            return of(dialect, positions.parse(text.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new LimberException("Not a commit token: \"" + text + "\" (" + e.getMessage() + "); pass what"
                    + " engine.lastCommit().toString() gave, e.g. postgresql:16/B374D848", e);
        }
    }

    /** Whether this is {@link #NONE}. */
    public boolean isNone() {
        return position == null;
    }

    Dialect dialect() {
        return dialect;
    }

    /** The log position, or null for {@link #NONE}. */
    String position() {
        return position;
    }

    /** The token that covers both this commit and {@code other}'s (of the same database kind). */
    CommitToken and(CommitToken other) {
        if (other.isNone()) {
            return this;
        }
        if (isNone()) {
            return other;
        }
        return of(dialect, dialect.replayPositions().merge(position, other.position));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommitToken t && Objects.equals(dialect, t.dialect) && Objects.equals(position, t.position);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dialect == null ? null : dialect.name(), position);
    }

    /** The token as text, for {@link #parse}: {@code postgresql:16/B374D848}; empty for {@link #NONE}. */
    @Override
    public String toString() {
        return isNone() ? "" : dialect.name() + ":" + position;
    }
}
