package dev.mailtee.store;

import java.sql.Connection;
import java.sql.SQLException;

/** One unit of work on a connection inside a transaction. */
@FunctionalInterface
public interface Sql<T> {
    T run(Connection c) throws SQLException;
}
