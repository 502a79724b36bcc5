package dev.mailtee.store;

/** What differs between the embedded SQLite store and a shared PostgreSQL one. */
public enum Dialect {
    SQLITE("sqlite"), POSTGRESQL("postgresql");

    private final String vendor;

    Dialect(String vendor) {
        this.vendor = vendor;
    }

    /** Flyway's location for this dialect's own migrations, beside the common ones. */
    String migrations() {
        return "classpath:db/" + vendor;
    }

    /** Row locking for a claim: several nodes claim from one PostgreSQL queue without blocking. */
    public String skipLocked() {
        return this == POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
    }
}
