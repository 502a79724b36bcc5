package dev.mailtee.config;

import java.nio.file.Path;

/** The whole configuration, validated. {@code source} names the file it came from (or "defaults"). */
public record MailteeConfig(String source, SmtpConfig smtp, Router router, QueueConfig queue, HttpConfig http,
        Path dataDir, DeskConfig desk) {
}
