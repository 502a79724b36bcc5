package dev.mailtee.desk;

import dev.mailtee.store.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Person rows: one per address, compared case-insensitively. */
final class People {
    static final String COLUMNS = "p.id, p.email, p.name, p.role";

    private People() {}

    static Optional<Person> find(Connection c, String email) throws SQLException {
        return Rows.one(c, "SELECT " + COLUMNS + " FROM desk_person p WHERE p.email_key = ?", People::person,
                email.toLowerCase(Locale.ROOT));
    }

    static Optional<Person> byId(Connection c, String id) throws SQLException {
        return Rows.one(c, "SELECT " + COLUMNS + " FROM desk_person p WHERE p.id = ?", People::person, id);
    }

    /** The person with this address, created as a customer if new; a name fills an empty one. */
    static Person customer(Connection c, String email, String name, long now) throws SQLException {
        Optional<Person> known = find(c, email);
        if (known.isPresent()) {
            if (known.get().name().isEmpty() && !name.isEmpty()) {
                Rows.update(c, "UPDATE desk_person SET name = ? WHERE id = ?", name, known.get().id());
                return new Person(known.get().id(), known.get().email(), name, known.get().role());
            }
            return known.get();
        }
        Person p = new Person(UUID.randomUUID().toString(), email, name, Person.Role.CUSTOMER);
        Rows.update(c, "INSERT INTO desk_person (id, email, email_key, name, role, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                p.id(), p.email(), email.toLowerCase(Locale.ROOT), p.name(), p.role().column(), now);
        return p;
    }

    /** Makes the address an agent (or admin); an admin is never demoted by adding them as agent. */
    static Person staff(Connection c, String email, String name, boolean admin, long now) throws SQLException {
        Person p = customer(c, email, name, now);
        Person.Role role = admin || p.role() == Person.Role.ADMIN ? Person.Role.ADMIN : Person.Role.AGENT;
        String newName = name.isEmpty() ? p.name() : name;
        Rows.update(c, "UPDATE desk_person SET role = ?, name = ? WHERE id = ?", role.column(), newName, p.id());
        return new Person(p.id(), p.email(), newName, role);
    }

    static Person person(ResultSet rs) throws SQLException {
        return new Person(rs.getString(1), rs.getString(2), rs.getString(3),
                Person.Role.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)));
    }
}
