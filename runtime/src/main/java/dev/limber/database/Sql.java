package dev.limber.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every statement Limber sends at DEBUG on logger {@code dev.limber.database.sql} (never the bound values). */
final class Sql {
    static final Logger LOG = LoggerFactory.getLogger("dev.limber.database.sql");

    private Sql() {
    }

    static void log(String sql) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(sql);
        }
    }
}
