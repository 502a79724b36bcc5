package dev.mailtee.web;

import dev.mailtee.desk.Agent;
import dev.mailtee.desk.Credentials;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Who is asking: the session cookie for pages, a bearer token for the API. Also the security
 * headers every response carries and the CSRF check every form post must pass.
 */
final class DeskAccess {
    static final String COOKIE = "mailtee_session";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "object-src 'none'; frame-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    private final Sessions sessions;
    private final Credentials credentials;
    private final boolean secureCookies;

    DeskAccess(Sessions sessions, Credentials credentials, boolean secureCookies) {
        this.sessions = sessions;
        this.credentials = credentials;
        this.secureCookies = secureCookies;
    }

    static void secureHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    Optional<Sessions.Session> session(Context ctx) {
        return sessions.find(ctx.cookie(COOKIE));
    }

    /** The session, creating an anonymous one (for the sign-in form's CSRF token) when there is none. */
    Sessions.Session sessionOrNew(Context ctx) {
        return session(ctx).orElseGet(() -> issue(ctx, Optional.empty()));
    }

    Sessions.Session issue(Context ctx, Optional<String> agentId) {
        session(ctx).ifPresent(s -> sessions.end(s.id()));
        Sessions.Session s = sessions.start(agentId);
        ctx.cookie(new Cookie(COOKIE, s.id(), "/", -1, secureCookies, true, null, SameSite.STRICT));
        return s;
    }

    void end(Context ctx) {
        session(ctx).ifPresent(s -> sessions.end(s.id()));
        ctx.removeCookie(COOKIE, "/");
    }

    /** The signed-in agent, re-read from the store on each request (a removed agent is out at once). */
    Optional<Agent> agent(Context ctx) {
        return session(ctx).flatMap(Sessions.Session::agentId).flatMap(credentials::agent);
    }

    Agent apiAgent(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) throw new UnauthorizedResponse("bearer token required");
        return credentials.byToken(h.substring(7).strip()).orElseThrow(() -> new UnauthorizedResponse("unknown token"));
    }

    /** A form post must carry the session's token: another site cannot read it, so it cannot forge the post. */
    void checkCsrf(Context ctx) {
        String sent = ctx.formParam("csrf");
        Optional<Sessions.Session> s = session(ctx);
        if (sent == null || s.isEmpty() || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                s.get().csrf().getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("missing or wrong form token");
        }
    }
}
