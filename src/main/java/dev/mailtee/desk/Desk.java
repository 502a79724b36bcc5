package dev.mailtee.desk;

import dev.mailtee.config.DeskConfig;
import dev.mailtee.desk.mime.InboundMail;
import dev.mailtee.desk.mime.InboundMailParser;
import dev.mailtee.desk.mime.MailHeaders;
import dev.mailtee.desk.mime.MailLimits;
import dev.mailtee.desk.mime.NamedAddress;
import dev.mailtee.desk.origin.LoopGuard;
import dev.mailtee.desk.origin.MailOrigin;
import dev.mailtee.desk.text.BodyText;
import dev.mailtee.queue.DeliveryQueue;
import dev.mailtee.store.Database;
import dev.mailtee.store.Durability;
import dev.mailtee.store.Rows;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in ticket desk: files inbound mail as tickets, replies or held mail. Filing is
 * idempotent per office, and everything it decides for one message commits in one transaction.
 */
public final class Desk {
    private final Database db;
    private final DeskConfig config;
    private final MailLimits limits;
    private final BlobStore blobs;
    private final Filer filer;
    private final Notifier notifier;
    private final Clock clock;

    public Desk(Database db, DeliveryQueue queue, Path dataDir, DeskConfig config, String domain, Clock clock) {
        this.db = db;
        this.config = config;
        this.limits = new MailLimits(MailLimits.DEFAULTS.maxHeaderCount(), MailLimits.DEFAULTS.maxHeaderFieldBytes(),
                MailLimits.DEFAULTS.maxLineBytes(), MailLimits.DEFAULTS.maxEntityBytes(), config.maxAttachmentSize(),
                config.maxAttachmentsSize());
        this.blobs = new BlobStore(dataDir.resolve("desk").resolve("blobs"));
        this.notifier = new Notifier(config, queue, domain);
        this.filer = new Filer(notifier);
        this.clock = clock;
        ensureOffices();
    }

    private void ensureOffices() {
        long now = clock.millis();
        db.write(Durability.SYNCED, c -> {
            for (DeskConfig.Office o : config.offices()) Offices.ensure(c, o, now);
            if (Offices.all(c).isEmpty()) Offices.ensure(c, DeskConfig.FALLBACK_OFFICE, now);
            return null;
        });
    }

    /**
     * Files one raw message. {@code envelopeSender} is the SMTP MAIL FROM ("" for the null
     * sender) when known; {@code envelopeRecipients} the RCPT TO addresses (or --recipient).
     * Throws {@link dev.mailtee.store.StoreException} (or an I/O failure) when nothing could be
     * stored: the caller answers with a temporary failure and a retry is safe.
     */
    public List<Filing> file(byte[] raw, Optional<String> envelopeSender, List<String> envelopeRecipients) {
        byte[] stamped = envelopeSender.map(s -> ReturnPathStamp.apply(raw, s)).orElse(raw);
        InboundMail mail = new InboundMailParser(limits).parse(stamped);
        String rawSha = blobs.put(stamped);
        mail.attachments().forEach(a -> blobs.put(a.content()));
        List<Office> offices = db.read(Offices::all);
        Arrival arrival = new Arrival(mail, rawSha, origin(mail, offices), addresses(mail, envelopeRecipients));
        long now = clock.millis();
        return db.write(Durability.SYNCED, c -> {
            List<Filing> filings = new ArrayList<>();
            for (Office office : addressed(offices, arrival)) filings.add(filer.file(c, office, offices, arrival, now));
            return filings;
        });
    }

    private MailOrigin origin(InboundMail mail, List<Office> offices) {
        Set<String> own = new HashSet<>(config.ownAddresses());
        offices.forEach(o -> own.add(o.address()));
        MailOrigin origin = new LoopGuard(own, BodyText::of).classify(mail);
        Optional<String> plusSender = mail.headers().author().map(NamedAddress::address)
                .filter(a -> offices.stream().anyMatch(o -> o.plusToken(a) != null));
        return origin instanceof MailOrigin.Human && plusSender.isPresent() ? new MailOrigin.OwnAddress(plusSender.get())
                : origin;
    }

    private static List<String> addresses(InboundMail mail, List<String> envelopeRecipients) {
        MailHeaders h = mail.headers();
        Set<String> all = new LinkedHashSet<>(envelopeRecipients);
        all.addAll(h.deliveredTo());
        all.addAll(h.originalTo());
        h.to().forEach(m -> all.add(m.address()));
        h.cc().forEach(m -> all.add(m.address()));
        return List.copyOf(all);
    }

    /** Every office the message was addressed to, or the default office when none. */
    private static List<Office> addressed(List<Office> offices, Arrival a) {
        List<Office> hit = offices.stream().filter(o -> a.addresses().stream().anyMatch(o::isAddressedBy)).toList();
        return hit.isEmpty() ? List.of(Offices.fallback(offices)) : hit;
    }

    /** Ticket listing and details for the command line. */
    public TicketViews views() {
        return new TicketViews(db);
    }

    /** The web desk's and API's work on tickets, checked against the agent's offices. */
    public Casework casework() {
        return new Casework(db, notifier, blobs, clock);
    }

    public Credentials credentials() {
        return new Credentials(db);
    }

    /** An admin's changes to offices and agents. */
    public Roster roster() {
        return new Roster(this, db, clock);
    }

    public HeldReview heldReview() {
        return new HeldReview(db, blobs, limits, clock);
    }

    public record OfficeView(String id, String name, String address, boolean isDefault, List<String> agents) {}

    public record StaffView(String id, String email, String name, boolean admin, boolean canSignIn) {}

    public List<OfficeView> offices() {
        return db.read(c -> {
            List<OfficeView> out = new ArrayList<>();
            for (Office o : Offices.all(c)) {
                out.add(new OfficeView(o.id(), o.name(), o.address(), o.isDefault(),
                        Offices.agents(c, o).stream().map(Person::email).toList()));
            }
            return out;
        });
    }

    public List<StaffView> staff() {
        return db.read(c -> Rows.list(c, "SELECT id, email, name, role, password_hash IS NOT NULL FROM desk_person "
                + "WHERE role IN ('agent', 'admin') ORDER BY email_key", rs -> new StaffView(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4).equals("admin"), rs.getBoolean(5))));
    }

    /** Adds an office (idempotent by address); returns false when the address was already an office. */
    public boolean addOffice(String name, String address, boolean isDefault) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.contains(" ") || address.substring(0, at).contains("+")) {
            throw new IllegalArgumentException("'" + address + "' is not an office address like support@example.com "
                    + "(no '+': replies come to <local>+<ticket>@<domain>)");
        }
        return db.write(Durability.SYNCED, c -> {
            boolean known = Offices.all(c).stream().anyMatch(o -> o.address().equalsIgnoreCase(address));
            if (!known && Offices.byName(c, name).isPresent()) {
                throw new IllegalArgumentException("an office named " + name + " already exists");
            }
            Offices.ensure(c, new DeskConfig.Office(name, address, isDefault), clock.millis());
            if (isDefault) {
                Rows.update(c, "UPDATE desk_office SET is_default = (address_key = ?)", address.toLowerCase(java.util.Locale.ROOT));
            }
            return !known;
        });
    }

    /** Makes {@code email} an agent (or admin) of the named offices (all offices when none are named). */
    public void addAgent(String email, String name, List<String> officeNames, boolean admin) {
        db.write(Durability.SYNCED, c -> {
            List<Office> all = Offices.all(c);
            List<Office> offices = new ArrayList<>();
            for (String n : officeNames) {
                offices.add(all.stream().filter(o -> o.name().equalsIgnoreCase(n) || o.address().equalsIgnoreCase(n))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("no office named " + n)));
            }
            if (offices.isEmpty()) offices.addAll(all);
            Person p = People.staff(c, email, name, admin, clock.millis());
            for (Office o : offices) Offices.addAgent(c, o, p);
            return null;
        });
    }
}
