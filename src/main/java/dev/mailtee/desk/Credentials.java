package dev.mailtee.desk;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.mailtee.store.Database;
import dev.mailtee.store.Durability;
import dev.mailtee.store.Rows;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * How agents prove who they are: a bcrypt password (cost 12) for the web desk, a random bearer
 * token for scripts (only its SHA-256 is stored, so the database never holds a usable secret).
 */
public final class Credentials {
    static final int COST = 12;
    private static final int MIN_PASSWORD = 10;
    /** Compared against when the address is unknown, so a miss costs as much time as a wrong password. */
    private static final byte[] DECOY = BCrypt.withDefaults().hash(COST, "decoy-password".toCharArray());
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;

    Credentials(Database db) {
        this.db = db;
    }

    /** The agent when the password matches that agent's hash; customers never sign in. */
    public Optional<Agent> signIn(String email, char[] password) {
        record Row(String id, String hash) {}
        Optional<Row> row = db.read(c -> Rows.one(c, "SELECT id, password_hash FROM desk_person WHERE email_key = ? "
                + "AND role IN ('agent', 'admin') AND password_hash IS NOT NULL", rs -> new Row(rs.getString(1),
                rs.getString(2)), email.strip().toLowerCase(Locale.ROOT)));
        byte[] hash = row.map(r -> r.hash().getBytes(StandardCharsets.US_ASCII)).orElse(DECOY);
        boolean ok = BCrypt.verifyer().verify(password, hash).verified;
        return ok && row.isPresent() ? agent(row.get().id()) : Optional.empty();
    }

    /** Sets an agent's password; throws IllegalArgumentException for a short one or an unknown agent. */
    public void setPassword(String email, char[] password) {
        String hash = hash(password);
        int n = db.write(Durability.SYNCED, c -> Rows.update(c, "UPDATE desk_person SET password_hash = ? "
                + "WHERE email_key = ? AND role IN ('agent', 'admin')", hash, email.toLowerCase(Locale.ROOT)));
        if (n == 0) throw new IllegalArgumentException(email + " is not an agent");
    }

    /** The bcrypt hash of a password; throws IllegalArgumentException for one shorter than 10 characters. */
    static String hash(char[] password) {
        if (password.length < MIN_PASSWORD) {
            throw new IllegalArgumentException("the password must have at least " + MIN_PASSWORD + " characters");
        }
        return BCrypt.withDefaults().hashToString(COST, password);
    }

    /** Issues a new API token for the agent (replacing any earlier one) and returns it; it is shown once. */
    public String issueToken(String agentId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "mt_" + HexFormat.of().formatHex(secret);
        db.write(Durability.SYNCED, c -> Rows.update(c, "UPDATE desk_person SET api_token_sha256 = ? WHERE id = ?",
                tokenKey(token), agentId));
        return token;
    }

    public Optional<Agent> byToken(String token) {
        if (!token.startsWith("mt_")) return Optional.empty();
        return db.read(c -> Rows.one(c, "SELECT id FROM desk_person WHERE api_token_sha256 = ? AND role IN "
                + "('agent', 'admin')", rs -> rs.getString(1), tokenKey(token))).flatMap(this::agent);
    }

    /** The agent as they are now (role and offices re-read: a demoted agent loses access at once). */
    public Optional<Agent> agent(String personId) {
        return db.read(c -> agent(c, personId));
    }

    static Optional<Agent> agent(Connection c, String personId) throws SQLException {
        Optional<Person> p = People.byId(c, personId).filter(Person::isStaff);
        if (p.isEmpty()) return Optional.empty();
        var offices = new HashSet<>(Rows.list(c, "SELECT office_id FROM desk_office_agent WHERE person_id = ?",
                rs -> rs.getString(1), personId));
        Person person = p.get();
        return Optional.of(new Agent(person.id(), person.email(), person.name(), person.role() == Person.Role.ADMIN,
                offices));
    }

    private static String tokenKey(String token) {
        return BlobStore.sha256(token.getBytes(StandardCharsets.US_ASCII));
    }

}
