package dev.limber.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The one HikariCP configuration every contender gets, so that pools are never the difference. */
public final class Pools {
    /** Benchmarks are single-threaded; two connections leave room for a library that holds one briefly. */
    public static final int MAX_POOL_SIZE = 2;

    private Pools() {
    }

    public static HikariDataSource open(Database database, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        config.setPoolName("bench-" + name);
        return new HikariDataSource(config);
    }
}
