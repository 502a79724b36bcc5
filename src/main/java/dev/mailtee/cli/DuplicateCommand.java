package dev.mailtee.cli;

import dev.mailtee.config.HostPort;
import dev.mailtee.delivery.Duplicator;
import dev.mailtee.delivery.Duplicator.Result;
import dev.mailtee.delivery.StateDirectory;
import dev.mailtee.mail.EnvelopeSender;
import dev.mailtee.mail.MailboxAddress;
import dev.mailtee.transform.UniqueCopy;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "duplicate", sortOptions = false,
        description = {"Reads one message on standard input and hands one unique copy to each address "
                + "(new Message-ID, [tag] on the subject, sentinel field, no threading fields).",
                "Exit: 0 done (or a looping copy skipped), 64 bad arguments, 65 unusable input, "
                + "75 some copy not handed off (a retry sends only the missing ones)."})
final class DuplicateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "ADDR[,ADDR...]", description = "Destination addresses.")
    List<String> addresses;

    @Option(names = "--sendmail", paramLabel = "PATH", description = "Hand copies to this sendmail (default: ${DEFAULT-VALUE}).",
            defaultValue = "/usr/sbin/sendmail")
    String sendmail;

    @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "Send copies to this SMTP server instead of sendmail.")
    String smtp;

    @Option(names = {"-f", "--sender"}, paramLabel = "ADDR", description = "Envelope sender ('' for none); "
            + "default: the Return-Path, else the From address.")
    String sender;

    @Option(names = "--loop-fallback", paramLabel = "ADDR", description = "Hand a message that is already a copy, "
            + "unchanged, to this address (default: drop it with a log line).")
    String loopFallback;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where handed-off copies are remembered "
            + "(default: " + "/var/lib/mailtee/duplicate if writable, else $XDG_STATE_HOME/mailtee or ~/.local/state/mailtee).")
    Path stateDir;

    @Option(names = "--keep-days", paramLabel = "DAYS", defaultValue = "7",
            description = "How long handed-off copies are remembered (default: ${DEFAULT-VALUE}).")
    int keepDays;

    @Option(names = "--sentinel", paramLabel = "FIELD", defaultValue = "X-Kayako-Dup",
            description = "Field that marks a copy (default: ${DEFAULT-VALUE}).")
    String sentinel;

    @Option(names = "--tag-length", paramLabel = "N", defaultValue = "4", description = "Subject tag length (default: ${DEFAULT-VALUE}).")
    int tagLength;

    @Option(names = "--id-host", paramLabel = "HOST", description = "Right side of new Message-IDs (default: this host's name).")
    String idHost;

    @Option(names = {"-v", "--verbose"}, description = "Say where each copy went.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final InputStream stdin = System.in;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Duplicator.Request request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            err.println("mailtee duplicate: " + e.getMessage());
            return ExitCode.USAGE;
        }
        return report(new Duplicator(request, Clock.systemUTC()).duplicate(stdin), err);
    }

    private Duplicator.Request request() {
        if (smtp != null && spec.commandLine().getParseResult().hasMatchedOption("--sendmail")) {
            throw new IllegalArgumentException("give --sendmail or --smtp, not both");
        }
        if (keepDays < 1) throw new IllegalArgumentException("--keep-days must be at least 1");
        Duplicator.Target target = smtp == null ? new Duplicator.Target.Sendmail(sendmail)
                : new Duplicator.Target.Smtp(HostPort.parse(smtp));
        UniqueCopy.Settings defaults = UniqueCopy.Settings.defaults();
        UniqueCopy.Settings settings = new UniqueCopy.Settings(sentinel, tagLength,
                idHost == null ? defaults.messageIdHost() : idHost);
        return new Duplicator.Request(destinations(), target, Optional.ofNullable(sender).map(DuplicateCommand::envelopeSender),
                Optional.ofNullable(loopFallback).map(a -> mailbox(a, "--loop-fallback")),
                settings, stateDir == null ? StateDirectory.standard(System.getenv()) : new StateDirectory(stateDir),
                Duration.ofDays(keepDays));
    }

    /** Commas separate addresses, as in the Kayako script's argument; the same address twice gets one copy. */
    private List<MailboxAddress> destinations() {
        Map<String, MailboxAddress> unique = new LinkedHashMap<>();
        for (String arg : addresses) {
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
                if (verbose) {
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
