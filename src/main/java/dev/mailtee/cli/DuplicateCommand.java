package dev.mailtee.cli;

import dev.mailtee.config.HostPort;
import dev.mailtee.delivery.Duplicator;
import dev.mailtee.delivery.Duplicator.Result;
import dev.mailtee.delivery.StateDirectory;
import dev.mailtee.intake.Intake;
import dev.mailtee.mail.EnvelopeSender;
import dev.mailtee.mail.MailboxAddress;
import dev.mailtee.transform.UniqueCopy;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code mailtee duplicate}. Picocli only lists it in {@code mailtee --help}: {@link Main} sends
 * every {@code duplicate} command line here, to {@link DuplicateOptions}, because a JVM starts
 * for each piped message and picocli's start-up was a third of that run.
 */
@Command(name = "duplicate", description = {"Reads one message on standard input and hands one unique copy to each address "
        + "(new Message-ID, [tag] on the subject, sentinel field, no threading fields)."})
final class DuplicateCommand {
    static final String HELP = """
            Usage: mailtee duplicate [-hv] [-f=ADDR] [--id-host=HOST] [--keep-days=DAYS]
                                     [--loop-fallback=ADDR] [--sendmail=PATH]
                                     [--sentinel=FIELD] [--smtp=HOST:PORT]
                                     [--state-dir=DIR] [--tag-length=N] ADDR[,ADDR...]...
            Reads one message on standard input and hands one unique copy to each address
            (new Message-ID, [tag] on the subject, sentinel field, no threading fields).
            Exit: 0 done (or a looping copy skipped), 64 bad arguments, 65 unusable input,
            75 some copy not handed off (a retry sends only the missing ones).
                  ADDR[,ADDR...]...      Destination addresses.
                  --sendmail=PATH        Hand copies to this sendmail (default:
                                           /usr/sbin/sendmail).
                  --smtp=HOST:PORT       Send copies to this SMTP server instead of
                                           sendmail.
              -f, --sender=ADDR          Envelope sender ('' for none); default: the
                                           Return-Path, else the From address.
                  --loop-fallback=ADDR   Hand a message that is already a copy, unchanged,
                                           to this address (default: drop it with a log
                                           line).
                  --state-dir=DIR        Where handed-off copies are remembered (default:
                                           /var/lib/mailtee/duplicate if writable, else
                                           $XDG_STATE_HOME/mailtee or
                                           ~/.local/state/mailtee).
                  --keep-days=DAYS       How long handed-off copies are remembered
                                           (default: 7).
                  --sentinel=FIELD       Field that marks a copy (default: X-Kayako-Dup).
                  --tag-length=N         Subject tag length (default: 4).
                  --id-host=HOST         Right side of new Message-IDs (default: this
                                           host's name).
              -v, --verbose              Say where each copy went.
              -h, --help                 Show this help message and exit.
            """;

    private final DuplicateOptions options;

    private DuplicateCommand(DuplicateOptions options) {
        this.options = options;
    }

    /** Runs the command line that followed {@code duplicate}; the sysexits code. */
    static int run(List<String> args, InputStream stdin, PrintWriter out, PrintWriter err) {
        return switch (DuplicateOptions.parse(args)) {
            case DuplicateOptions.Parsed.Run r -> new DuplicateCommand(r.options()).call(stdin, err);
            case DuplicateOptions.Parsed.HelpWanted h -> {
                out.print(HELP);
                out.flush();
                yield ExitCode.OK;
            }
            case DuplicateOptions.Parsed.UsageError u -> {
                err.println("mailtee: " + u.message());
                err.println("Try 'mailtee duplicate --help'.");
                yield ExitCode.USAGE;
            }
        };
    }

    private int call(InputStream stdin, PrintWriter err) {
        Duplicator.Request request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            err.println("mailtee duplicate: " + e.getMessage());
            return ExitCode.USAGE;
        }
        return report(Intake.duplicateNow(stdin, new Duplicator(request, Clock.systemUTC())), err);
    }

    private Duplicator.Request request() {
        if (options.smtp().isPresent() && options.sendmail().isPresent()) {
            throw new IllegalArgumentException("give --sendmail or --smtp, not both");
        }
        if (options.keepDays() < 1) throw new IllegalArgumentException("--keep-days must be at least 1");
        Duplicator.Target target = options.smtp().<Duplicator.Target>map(s -> new Duplicator.Target.Smtp(HostPort.parse(s)))
                .orElseGet(() -> new Duplicator.Target.Sendmail(options.sendmail().orElse(DuplicateOptions.DEFAULT_SENDMAIL)));
        UniqueCopy.Settings settings = new UniqueCopy.Settings(options.sentinel(), options.tagLength(),
                options.idHost().orElseGet(() -> UniqueCopy.Settings.defaults().messageIdHost()));
        return new Duplicator.Request(destinations(), target, options.sender().map(DuplicateCommand::envelopeSender),
                options.loopFallback().map(a -> mailbox(a, "--loop-fallback")), settings,
                options.stateDir().map(StateDirectory::new).orElseGet(() -> StateDirectory.standard(System.getenv())),
                Duration.ofDays(options.keepDays()));
    }

    /** Commas separate addresses, as in the Kayako script's argument; the same address twice gets one copy. */
    private List<MailboxAddress> destinations() {
        Map<String, MailboxAddress> unique = new LinkedHashMap<>();
        for (String arg : options.addresses()) {
            for (String item : arg.split(",", -1)) {
                MailboxAddress a = mailbox(item.strip(), "destination");
                unique.putIfAbsent(a.toString().toLowerCase(java.util.Locale.ROOT), a);
            }
        }
        return new ArrayList<>(unique.values());
    }

    private static EnvelopeSender envelopeSender(String given) {
        String s = given.strip();
        return s.isEmpty() || s.equals("<>") ? new EnvelopeSender.NullSender() : new EnvelopeSender.Mailbox(mailbox(s, "--sender"));
    }

    private static MailboxAddress mailbox(String text, String what) {
        if (text.isEmpty()) throw new IllegalArgumentException("empty " + what + " address (no spaces or empty items between commas)");
        return switch (MailboxAddress.parse(text)) {
            case MailboxAddress.Parsed.Valid v -> v.address();
            case MailboxAddress.Parsed.Invalid i -> throw new IllegalArgumentException(
                    "invalid " + what + " address '" + text + "': " + i.reason());
        };
    }

    private int report(Result result, PrintWriter err) {
        String me = "mailtee duplicate: ";
        return switch (result) {
            case Result.Duplicated d -> {
                d.warnings().forEach(w -> err.println(me + d.message() + ": warning: " + w));
                if (options.verbose()) {
                    err.println(me + d.message() + ": handed off to " + String.join(", ", d.handedOff())
                            + (d.handedOff().isEmpty() ? "nobody new" : "")
                            + (d.alreadySent().isEmpty() ? "" : "; sent by an earlier attempt: " + String.join(", ", d.alreadySent())));
                }
                yield ExitCode.OK;
            }
            case Result.LoopStopped l -> {
                err.println(me + l.message() + " already carries " + l.sentinel() + ": not copied again (mail loop)"
                        + l.fallback().map(f -> "; handed unchanged to " + f).orElse(""));
                yield ExitCode.OK;
            }
            case Result.EmptyInput e -> {
                err.println(me + "no message on standard input");
                yield ExitCode.DATAERR;
            }
            case Result.Unusable u -> {
                err.println(me + "unusable message: " + u.reason());
                yield ExitCode.DATAERR;
            }
            case Result.Incomplete i -> {
                err.println(me + i.message() + ": not handed off: " + String.join("; ", i.problems())
                        + (i.handedOff().isEmpty() ? "" : " (handed off: " + String.join(", ", i.handedOff()) + ")")
                        + "; a retry sends only the missing copies");
                yield ExitCode.TEMPFAIL;
            }
        };
    }
}
