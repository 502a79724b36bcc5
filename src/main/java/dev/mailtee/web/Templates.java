package dev.mailtee.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** The desk's JTE templates, compiled at build time (jte-maven-plugin); HTML output escapes by default. */
final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {}

    static void render(Context ctx, String template, Object model) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, model, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }
}
