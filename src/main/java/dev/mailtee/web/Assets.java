package dev.mailtee.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;

/** The desk's static files from the classpath (one stylesheet; no JS build). */
final class Assets {
    private Assets() {}

    static void serve(Context ctx, String name, String type) throws IOException {
        try (InputStream in = Assets.class.getResourceAsStream("/desk/" + name)) {
            if (in == null) throw new NotFoundResponse(name);
            ctx.header("Cache-Control", "max-age=3600").contentType(type).result(in.readAllBytes());
        }
    }
}
