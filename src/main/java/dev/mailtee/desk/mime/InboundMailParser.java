package dev.mailtee.desk.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * Parses one raw inbound message into an {@link InboundMail}. Never throws on malformed or
 * oversized input: the decode monitor is silent, and anything beyond {@link MailLimits} ends up
 * in {@link InboundMail#omissions()}.
 */
public final class InboundMailParser {

    private final MailLimits limits;
    private final MimeConfig config;

    public InboundMailParser(MailLimits limits) {
        this.limits = limits;
        this.config = MimeConfig.custom()
                .setStrictParsing(false)
                .setMaxHeaderCount(limits.maxHeaderCount())
                .setMaxHeaderLen(limits.maxHeaderFieldBytes())
                .setMaxLineLen(limits.maxLineBytes())
                .setMaxContentLen(limits.maxEntityBytes())
                .build();
    }

    public InboundMail parse(byte[] message) {
        var walk = new MimeWalk(limits);
        // Embedded message/rfc822 parts are not descended into: they become .eml attachments,
        // and their headers can never be mistaken for the outer message's.
        var tokens = new MimeTokenStream(config, DecodeMonitor.SILENT, null);
        tokens.setRecursionMode(RecursionMode.M_NO_RECURSE);
        tokens.parse(new ByteArrayInputStream(MessageBytes.prepare(message)));
        try {
            for (EntityState state = tokens.getState(); state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
                walk.on(state, tokens);
            }
        } catch (MimeException | IOException | RuntimeException unreadable) {
            // Mime4j reports limits (MaxLineLimitException, ...) and broken streams as checked
            // exceptions; a runtime failure on hostile input must not lose what was read either.
            walk.stopped(unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage());
        }
        return walk.result();
    }
}
