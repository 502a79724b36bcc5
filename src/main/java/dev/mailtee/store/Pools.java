package dev.mailtee.store;

import com.zaxxer.hikari.HikariDataSource;

/** An engine's connections: the ones its write path uses and the ones readers use (they may be one pool). */
record Pools(HikariDataSource writer, HikariDataSource reader) implements AutoCloseable {
    @Override
    public void close() {
        writer.close();
        reader.close();
    }
}
