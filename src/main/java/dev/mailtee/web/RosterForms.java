package dev.mailtee.web;

import dev.mailtee.desk.Agent;
import dev.mailtee.desk.Roster;
import dev.mailtee.desk.Worked;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The admin's forms on /offices, read into the roster's changes. */
final class RosterForms {
    private RosterForms() {}

    static Worked addOffice(Roster roster, Agent admin, Context ctx) {
        return roster.addOffice(admin, field(ctx, "name"), field(ctx, "address"), ctx.formParam("default") != null);
    }

    static Worked addAgent(Roster roster, Agent admin, Context ctx) {
        char[] password = field(ctx, "password").toCharArray();
        try {
            return roster.addAgent(admin, new Roster.NewAgent(field(ctx, "email"), field(ctx, "name"), offices(ctx),
                    ctx.formParam("admin") != null, password));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    static Worked setOffices(Roster roster, Agent admin, Context ctx) {
        return roster.setOffices(admin, ctx.pathParam("person"), offices(ctx));
    }

    private static Set<String> offices(Context ctx) {
        return Set.copyOf(ctx.formParams("office"));
    }

    private static String field(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }
}
