package dev.mailtee.delivery;

import dev.mailtee.config.HostPort;
import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.EnvelopeSender;
import dev.mailtee.mail.HeaderBlock;
import dev.mailtee.mail.MailboxAddress;
import dev.mailtee.mail.SpooledMessage;
import dev.mailtee.queue.CopyLedger;
import dev.mailtee.transform.Copy;
import dev.mailtee.transform.LoopCheck;
import dev.mailtee.transform.SubjectTag;
import dev.mailtee.transform.UniqueCopy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where {@code mailtee duplicate} delivers, before it exits: one message received once from a
 * pipe (by the intake) becomes one unique copy per destination, each handed off before this
 * returns. Copies already handed off by an earlier attempt at the same message are not sent
 * again (see {@link CopyLedger}).
 */
public final class Duplicator {

    /** Where copies go. */
    public sealed interface Target {
        /** Re-injection through the local MTA: {@code sendmail -i -f SENDER -- ADDR}. */
        record Sendmail(String program) implements Target {}

        /** Straight to an SMTP server. */
        record Smtp(HostPort address) implements Target {}
    }

    /**
     * @param sender       the envelope sender; empty: the message's Return-Path, else its From
     * @param loopFallback where a message that is already a copy goes instead, if anywhere
     * @param stateDir     where the ledger of handed-off copies lives
     * @param keep         how long a handed-off copy is remembered
     */
    public record Request(List<MailboxAddress> destinations, Target target, Optional<EnvelopeSender> sender,
            Optional<MailboxAddress> loopFallback, UniqueCopy.Settings settings, StateDirectory stateDir, Duration keep) {
        public Request {
            destinations = List.copyOf(destinations);
        }
    }

    /** What became of the message. */
    public sealed interface Result {
        /** Every copy is out: {@code alreadySent} ones by an earlier attempt. */
        record Duplicated(String message, List<String> handedOff, List<String> alreadySent, List<String> warnings)
                implements Result {}

        /** Already one of our copies: not copied again; handed unchanged to the fallback, if any. */
        record LoopStopped(String message, String sentinel, Optional<String> fallback) implements Result {}

        record EmptyInput() implements Result {}

        record Unusable(String reason) implements Result {}

        /** Some copies could not be handed off now; a later attempt sends only those. */
        record Incomplete(String message, List<String> handedOff, List<String> problems) implements Result {}
    }

    /**
     * The message as the pipe received it: its header block, and that block's bytes followed by
     * the body in {@code spooled}, where the body starts at {@code bodyOffset}. {@code identity}
     * is its Message-ID, or a digest of its bytes when it has none.
     */
    public record Original(String identity, HeaderBlock header, SpooledMessage spooled, long bodyOffset,
            EnvelopeSender sender, BodyType type) {}

    private final Request request;
    private final UniqueCopy uniqueCopy;
    private final Clock clock;

    public Duplicator(Request request, Clock clock) {
        this.request = request;
        this.uniqueCopy = new UniqueCopy(request.settings());
        this.clock = clock;
    }

    public Request request() {
        return request;
    }

    /** Whether the message is already one of our copies. */
    public LoopCheck loopCheck(HeaderBlock header) {
        return uniqueCopy.loopCheck(header);
    }

    /** The message could not be read (or spooled): nothing was handed off. */
    public static Result unreadable(IOException e) {
        return new Result.Incomplete("(unread)", List.of(), List.of("cannot read the message: " + describe(e)));
    }

    /** One unique copy per destination, each handed off now; those an earlier attempt handed off are not sent again. */
    public Result copies(Original original) {
        try (Handoff handoff = handoff(original)) {
            return copies(original, handoff);
        }
    }

    /** A message that is already a copy goes unchanged to the loop fallback (once, as copies do). */
    public Result unchanged(Original original, LoopCheck.AlreadyCopied copied) {
        try (Handoff handoff = handoff(original)) {
            return fallback(original, handoff, copied);
        }
    }

    private Handoff handoff(Original original) {
        return Handoff.to(request.target(), request.settings().messageIdHost(), original.type());
    }

    private Result copies(Original original, Handoff handoff) {
        String identity = original.identity();
        List<String> handedOff = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> alreadySent = new ArrayList<>();
        try (CopyLedger ledger = openLedger()) {
            Map<String, CopyLedger.Claim> claims = ledger.claim(identity, names(request.destinations()));
            List<MailboxAddress> owed = new ArrayList<>();
            for (MailboxAddress d : request.destinations()) {
                switch (claims.get(d.toString())) {
                    case CopyLedger.Claim.Send s -> owed.add(d);
                    case CopyLedger.Claim.AlreadySent s -> alreadySent.add(d.toString());
                    case CopyLedger.Claim.Busy b -> problems.add(d + ": process " + b.pid() + " is handing this copy off right now");
                }
            }
            List<SubjectTag> tags = freshTags(owed.size(), claims);
            for (int i = 0; i < owed.size(); i++) {
                Copy copy = uniqueCopy.headerFor(original.header(), owed.get(i), tags.get(i));
                Outcome outcome = hand(handoff, original, copy.destination(), copy.header());
                record(ledger, identity, copy, outcome, handedOff, problems, warnings);
            }
        } catch (IOException e) {
            problems.add("state store " + request.stateDir().dir() + ": " + describe(e));
        }
        return problems.isEmpty() ? new Result.Duplicated(identity, handedOff, alreadySent, warnings)
                : new Result.Incomplete(identity, handedOff, problems);
    }

    private static void record(CopyLedger ledger, String identity, Copy copy, Outcome outcome,
            List<String> handedOff, List<String> problems, List<String> warnings) {
        String to = copy.destination().toString();
        try {
            switch (outcome) {
                case Outcome.Delivered d -> {
                    handedOff.add(to);
                    ledger.sent(identity, to, copy.tag().value());
                }
                case Outcome.Deferred d -> {
                    problems.add(to + ": " + d.reason());
                    ledger.release(identity, to);
                }
                case Outcome.Failed f -> {
                    problems.add(to + ": " + f.reason());
                    ledger.release(identity, to);
                }
            }
        } catch (IOException e) {
            warnings.add("could not record the copy to " + to + " in " + "the state store: " + describe(e));
        }
    }

    private Result fallback(Original original, Handoff handoff, LoopCheck.AlreadyCopied copied) {
        String identity = original.identity();
        MailboxAddress to = request.loopFallback().orElseThrow();
        try (CopyLedger ledger = openLedger()) {
            CopyLedger.Claim claim = ledger.claim(identity, List.of(to.toString())).get(to.toString());
            Result stopped = new Result.LoopStopped(identity, copied.sentinel().name(), Optional.of(to.toString()));
            return switch (claim) {
                case CopyLedger.Claim.AlreadySent s -> stopped;
                case CopyLedger.Claim.Busy b -> new Result.Incomplete(identity, List.of(),
                        List.of(to + ": process " + b.pid() + " is handing this message off right now"));
                case CopyLedger.Claim.Send s -> switch (hand(handoff, original, to, original.header())) {
                    case Outcome.Delivered d -> {
                        ledger.sent(identity, to.toString(), null);
                        yield stopped;
                    }
                    case Outcome.Deferred d -> released(ledger, identity, to, d.reason());
                    case Outcome.Failed f -> released(ledger, identity, to, f.reason());
                };
            };
        } catch (IOException e) {
            return new Result.Incomplete(identity, List.of(), List.of("state store " + request.stateDir().dir() + ": " + describe(e)));
        }
    }

    private static Result released(CopyLedger ledger, String identity, MailboxAddress to, String reason) throws IOException {
        ledger.release(identity, to.toString());
        return new Result.Incomplete(identity, List.of(), List.of(to + ": " + reason));
    }

    /** Tags distinct from each other and from those of copies an earlier attempt sent. */
    private List<SubjectTag> freshTags(int count, Map<String, CopyLedger.Claim> claims) {
        Set<String> used = claims.values().stream()
                .flatMap(c -> c instanceof CopyLedger.Claim.AlreadySent s && s.tag() != null ? Stream.of(s.tag())
                        : Stream.empty())
                .collect(Collectors.toSet());
        return uniqueCopy.pickTags(count + used.size()).stream()
                .filter(t -> !used.contains(t.value())).limit(count).toList();
    }

    private CopyLedger openLedger() throws IOException {
        return CopyLedger.open(request.stateDir().dir(), request.keep(), clock);
    }

    /** {@code header}, then the original's body. */
    private static Outcome hand(Handoff handoff, Original original, MailboxAddress to, HeaderBlock header) {
        return handoff.hand(original.sender(), to, new SequenceInputStream(new ByteArrayInputStream(header.toBytes()),
                original.spooled().open(original.bodyOffset())));
    }

    /** NIO's messages are often just a path; this says what went wrong with it. */
    private static String describe(IOException e) {
        return switch (e) {
            case AccessDeniedException a -> "permission denied: " + a.getFile();
            case FileSystemException f when f.getReason() != null -> f.getFile() + ": " + f.getReason();
            case FileSystemException f -> f.getFile() + ": " + f.getClass().getSimpleName();
            default -> String.valueOf(e.getMessage());
        };
    }

    private static List<String> names(List<MailboxAddress> addresses) {
        return addresses.stream().map(MailboxAddress::toString).toList();
    }
}
