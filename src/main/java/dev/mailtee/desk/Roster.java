package dev.mailtee.desk;

import dev.mailtee.store.Database;
import dev.mailtee.store.Durability;
import dev.mailtee.store.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An admin's changes to who works the desk: offices and agents added, an agent's offices
 * replaced, an agent deactivated. Each change is one transaction and one log line naming the
 * admin; a deactivation also unassigns the agent's open tickets, on their timelines.
 */
public final class Roster {
    private static final Logger LOG = LoggerFactory.getLogger(Roster.class);
    private final Desk desk;
    private final Database db;
    private final Clock clock;

    /** A new agent as the admin's form gives it; {@code officeIds} may be empty for an admin. */
    public record NewAgent(String email, String name, Set<String> officeIds, boolean admin, char[] password) {}

    Roster(Desk desk, Database db, Clock clock) {
        this.desk = desk;
        this.db = db;
        this.clock = clock;
    }

    public Worked addOffice(Agent admin, String name, String address, boolean isDefault) {
        if (!admin.admin()) return new Worked.NotFound();
        if (name.isBlank()) return new Worked.Refused("the office needs a name");
        try {
            if (!desk.addOffice(name.strip(), address.strip(), isDefault)) {
                return new Worked.Refused("an office with address " + address.strip() + " exists already");
            }
        } catch (IllegalArgumentException e) {
            return new Worked.Refused(e.getMessage());
        }
        LOG.info("desk office {} <{}> added by {}", name.strip(), address.strip(), admin.email());
        return new Worked.Done("added office " + name.strip());
    }

    public Worked addAgent(Agent admin, NewAgent a) {
        if (!admin.admin()) return new Worked.NotFound();
        String email = a.email().strip();
        if (email.lastIndexOf('@') <= 0 || email.endsWith("@") || email.contains(" ")) {
            return new Worked.Refused("'" + email + "' is not an email address");
        }
        if (!a.admin() && a.officeIds().isEmpty()) return new Worked.Refused("an agent needs at least one office");
        String hash;
        try {
            hash = Credentials.hash(a.password());
        } catch (IllegalArgumentException e) {
            return new Worked.Refused(e.getMessage());
        }
        Worked w = db.write(Durability.SYNCED, c -> {
            if (People.find(c, email).filter(Person::isStaff).isPresent()) {
                return new Worked.Refused(email + " is an agent already; change their offices in the list");
            }
            if (!knownOffices(c, a.officeIds())) return new Worked.Refused("no such office");
            Person p = People.staff(c, email, a.name().strip(), a.admin(), clock.millis());
            Rows.update(c, "UPDATE desk_person SET password_hash = ? WHERE id = ?", hash, p.id());
            joinOffices(c, p.id(), a.officeIds());
            return new Worked.Done("added " + (a.admin() ? "admin " : "agent ") + email);
        });
        if (w instanceof Worked.Done) LOG.info("desk {} (offices {}) by {}", ((Worked.Done) w).what(), a.officeIds(), admin.email());
        return w;
    }

    /** Replaces the agent's offices with exactly these. */
    public Worked setOffices(Agent admin, String personId, Set<String> officeIds) {
        if (!admin.admin()) return new Worked.NotFound();
        Worked w = db.write(Durability.SYNCED, c -> {
            Optional<Person> p = People.byId(c, personId).filter(Person::isStaff);
            if (p.isEmpty()) return new Worked.NotFound();
            if (!knownOffices(c, officeIds)) return new Worked.Refused("no such office");
            if (p.get().role() == Person.Role.AGENT && officeIds.isEmpty()) {
                return new Worked.Refused("an agent needs at least one office; deactivate them instead");
            }
            Rows.update(c, "DELETE FROM desk_office_agent WHERE person_id = ?", personId);
            joinOffices(c, personId, officeIds);
            return new Worked.Done("offices of " + p.get().email() + " saved");
        });
        if (w instanceof Worked.Done d) LOG.info("desk {} (offices {}) by {}", d.what(), officeIds, admin.email());
        return w;
    }

    /**
     * The agent can no longer sign in or use a token (at once: sessions re-read the role), takes no
     * new tickets, and their open and pending tickets go back to unassigned. Adding the address
     * again makes them an agent again.
     */
    public Worked deactivate(Agent admin, String personId) {
        if (!admin.admin()) return new Worked.NotFound();
        if (admin.id().equals(personId)) return new Worked.Refused("you cannot deactivate yourself");
        long now = clock.millis();
        Worked w = db.write(Durability.SYNCED, c -> {
            Optional<Person> p = People.byId(c, personId).filter(Person::isStaff);
            if (p.isEmpty()) return new Worked.NotFound();
            Rows.update(c, "UPDATE desk_person SET role = 'customer', password_hash = NULL, api_token_sha256 = NULL "
                    + "WHERE id = ?", personId);
            Rows.update(c, "DELETE FROM desk_office_agent WHERE person_id = ?", personId);
            int n = unassign(c, p.get(), admin, now);
            return new Worked.Done("deactivated " + p.get().email() + "; " + n + " open tickets unassigned");
        });
        if (w instanceof Worked.Done d) LOG.info("desk {} by {}", d.what(), admin.email());
        return w;
    }

    private static int unassign(Connection c, Person p, Agent admin, long now) throws SQLException {
        List<String> ids = Rows.list(c, "SELECT id FROM desk_ticket WHERE assignee_id = ? AND status <> 'closed'",
                rs -> rs.getString(1), p.id());
        for (String id : ids) {
            Ticket t = Tickets.byId(c, UUID.fromString(id)).orElseThrow();
            Rows.update(c, "UPDATE desk_ticket SET assignee_id = NULL, updated_at = ? WHERE id = ?", now, id);
            Timeline.record(c, t, Timeline.ASSIGNED, "unassigned: " + p.email() + " deactivated by " + admin.email(), now);
        }
        return ids.size();
    }

    private static boolean knownOffices(Connection c, Set<String> officeIds) throws SQLException {
        Set<String> known = Set.copyOf(Offices.all(c).stream().map(Office::id).toList());
        return known.containsAll(officeIds);
    }

    private static void joinOffices(Connection c, String personId, Set<String> officeIds) throws SQLException {
        for (String o : officeIds.stream().sorted().toList()) {
            Rows.update(c, "INSERT INTO desk_office_agent (office_id, person_id) VALUES (?, ?)", o, personId);
        }
    }
}
