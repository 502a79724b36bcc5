package dev.mailtee.web;

import dev.mailtee.desk.StoredFile;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.Set;

/**
 * Sends a stored attachment. Only plain raster images are shown inline (for cid: images);
 * everything else is a download, typed as sent but never sniffed, under a sandbox CSP.
 */
final class Attachments {
    private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private Attachments() {}

    static void send(Context ctx, Optional<StoredFile> file) throws IOException {
        StoredFile f = file.orElseThrow(() -> new NotFoundResponse("no such attachment"));
        if (!Files.exists(f.path())) throw new NotFoundResponse("attachment bytes missing");
        String type = f.contentType().toLowerCase(java.util.Locale.ROOT).split(";")[0].strip();
        boolean inline = INLINE.contains(type);
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\"" + ascii(f.filename())
                + "\"; filename*=UTF-8''" + java.net.URLEncoder.encode(f.filename(), StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.contentType(inline ? type : "application/octet-stream");
        ctx.result(Files.newInputStream(f.path()));
    }

    private static String ascii(String name) {
        return name.replaceAll("[^A-Za-z0-9._ -]", "_");
    }
}
