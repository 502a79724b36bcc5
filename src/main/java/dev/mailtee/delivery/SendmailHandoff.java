package dev.mailtee.delivery;

import dev.mailtee.mail.EnvelopeSender;
import dev.mailtee.mail.MailboxAddress;
import dev.mailtee.mail.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Re-injects a message through the local MTA: {@code sendmail -i -f SENDER -- ADDR}, run as an
 * argument list (never a shell). {@code -i}: a line with a single dot is not the end of the
 * message. {@code --}: a recipient that begins with "-" stays a recipient (Postfix's sendmail
 * parses options with getopt, which stops there).
 */
final class SendmailHandoff implements Handoff {
    private static final long TIMEOUT_SECONDS = 300;
    private static final int EX_TEMPFAIL = 75;

    private final String program;

    SendmailHandoff(String program) {
        this.program = program;
    }

    @Override
    public Outcome hand(EnvelopeSender sender, MailboxAddress to, InputStream content) {
        Process p;
        try {
            p = new ProcessBuilder(argv(sender, to)).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            return new Outcome.Deferred("cannot run " + program + ": " + e.getMessage(), List.of(to.toString()));
        }
        try (content; OutputStream in = p.getOutputStream()) {
            content.transferTo(in);
        } catch (IOException e) {
            // sendmail closed its input early; its exit status says why
        }
        return outcome(p, to.toString());
    }

    List<String> argv(EnvelopeSender sender, MailboxAddress to) {
        List<String> argv = new ArrayList<>(List.of(program, "-i"));
        switch (sender) {
            case EnvelopeSender.Mailbox m -> argv.addAll(List.of("-f", m.address().toString()));
            case EnvelopeSender.NullSender n -> argv.addAll(List.of("-f", ""));
            case EnvelopeSender.Unknown u -> { } // sendmail then uses the invoking user, as for any local mail
        }
        argv.add("--");
        argv.add(to.toString());
        return argv;
    }

    private Outcome outcome(Process p, String to) {
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Outcome.Deferred(program + " did not finish within " + TIMEOUT_SECONDS + "s", List.of(to));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Outcome.Deferred("interrupted while " + program + " ran", List.of(to));
        }
        int exit = p.exitValue();
        if (exit == 0) return new Outcome.Delivered(new Reply(250, program + " exited 0"));
        String why = program + " exited " + exit;
        return exit == EX_TEMPFAIL ? new Outcome.Deferred(why, List.of(to)) : new Outcome.Failed(why, List.of(to));
    }
}
