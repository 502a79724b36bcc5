package dev.mailtee.store;

import java.sql.SQLException;

/** How an engine runs write transactions; {@link Database#write} hands every unit of work to it. */
interface WritePath extends AutoCloseable {
    /** Runs {@code work} in a transaction; returns once it is committed with that durability. */
    <T> T submit(Durability durability, Sql<T> work) throws SQLException;

    /** Finishes the work already handed over, then refuses more. */
    @Override
    void close();
}
