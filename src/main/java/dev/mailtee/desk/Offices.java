package dev.mailtee.desk;

import dev.mailtee.config.DeskConfig;
import dev.mailtee.store.Dialect;
import dev.mailtee.store.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The office rows, their agents and the round-robin cursor. */
final class Offices {
    private static final String COLUMNS = "id, name, address, is_default";

    private Offices() {}

    static List<Office> all(Connection c) throws SQLException {
        return Rows.list(c, "SELECT " + COLUMNS + " FROM desk_office ORDER BY created_at, name", Offices::office);
    }

    static Optional<Office> byName(Connection c, String name) throws SQLException {
        return all(c).stream().filter(o -> o.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The office marked default, else the oldest one. */
    static Office fallback(List<Office> offices) {
        return offices.stream().filter(Office::isDefault).findFirst().orElse(offices.getFirst());
    }

    /** Creates an office unless one has that address already; returns the office of that address. */
    static Office ensure(Connection c, DeskConfig.Office wanted, long now) throws SQLException {
        String key = wanted.address().toLowerCase(Locale.ROOT);
        Optional<Office> existing = Rows.one(c, "SELECT " + COLUMNS + " FROM desk_office WHERE address_key = ?",
                Offices::office, key);
        if (existing.isPresent()) return existing.get();
        if (wanted.isDefault()) Rows.update(c, "UPDATE desk_office SET is_default = ?", false);
        String id = UUID.randomUUID().toString();
        Rows.update(c, "INSERT INTO desk_office (id, name, address, address_key, is_default, next_agent, created_at) "
                + "VALUES (?, ?, ?, ?, ?, 0, ?)", id, wanted.name(), wanted.address(), key, wanted.isDefault(), now);
        return new Office(id, wanted.name(), wanted.address(), wanted.isDefault());
    }

    static void addAgent(Connection c, Office office, Person agent) throws SQLException {
        Dialect.of(c).insertIfAbsent(c, "desk_office_agent", "office_id, person_id", office.id(), agent.id());
    }

    static List<Person> agents(Connection c, Office office) throws SQLException {
        return Rows.list(c, "SELECT " + People.COLUMNS + " FROM desk_person p JOIN desk_office_agent a "
                + "ON a.person_id = p.id WHERE a.office_id = ? ORDER BY p.email_key", People::person, office.id());
    }

    /**
     * The next agent in turn. The cursor is bumped and read in one step of the store, so two
     * concurrent tickets take different turns.
     */
    static Optional<Person> nextAgent(Connection c, Office office) throws SQLException {
        List<Person> agents = agents(c, office);
        if (agents.isEmpty()) return Optional.empty();
        long turn = Dialect.of(c).increment(c, "desk_office", "next_agent", "id", office.id()) - 1;
        return Optional.of(agents.get((int) (turn % agents.size())));
    }

    private static Office office(ResultSet rs) throws SQLException {
        return new Office(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
    }
}
