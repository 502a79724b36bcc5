package dev.mailtee.config;

import java.util.List;
import java.util.Optional;

/** Maps a recipient to the first route that matches it; the relay shorthand comes last. */
public record Router(List<Route> routes) {
    public Router {
        routes = List.copyOf(routes);
    }

    public Optional<Route> routeFor(String recipient) {
        return routes.stream().filter(r -> r.match().matches(recipient)).findFirst();
    }

    /** Recipients accepted from any client: those of routes that name their domains or addresses. */
    public boolean namesExplicitly(String recipient) {
        return routes.stream().anyMatch(r -> !r.match().isCatchAll() && r.match().matches(recipient));
    }

    /** Every distinct destination, primaries and backups. */
    public List<Destination> destinations() {
        return routes.stream().flatMap(r -> java.util.stream.Stream.of(r.primary().stream(), r.backups().stream(),
                r.copies().map(UniqueCopies::relay).stream()).flatMap(s -> s)).distinct().toList();
    }

    /** True when some route files mail in the built-in desk. */
    public boolean deliversToDesk() {
        return routes.stream().anyMatch(Route::desk);
    }

    /** Every distinct destination that may receive queued copies. */
    public List<Destination> queuedDestinations() {
        return routes.stream().flatMap(r -> java.util.stream.Stream.concat(r.backups().stream(),
                r.copies().map(UniqueCopies::relay).stream())).distinct().toList();
    }
}
