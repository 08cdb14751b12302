package dev.limber.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.limber.database.dialect.Dialect;

/**
 * The one HikariCP configuration every contender gets, so that pools are never the difference.
 * Limber's engine builds its own pool; this one matches it setting for setting, including the
 * driver properties Limber's dialect sets (SQLite's WAL journal, for one, changes write speed).
 */
public final class Pools {
    /** Benchmarks are single-threaded; two connections leave room for a library that holds one briefly. */
    public static final int MAX_POOL_SIZE = 2;

    private Pools() {
    }

    public static HikariDataSource open(Database database, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        config.setMinimumIdle(MAX_POOL_SIZE);
        config.setAutoCommit(true);
        config.setRegisterMbeans(false);
        config.setPoolName("bench-" + name);
        Dialect.fromUrl(database.url()).configure(config);
        return new HikariDataSource(config);
    }
}
