package dev.mailtee.desk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plain JDBC statements for the desk's tables: positional arguments, rows mapped by the caller. */
final class Rows {
    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Rows() {}

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    static <T> List<T> list(Connection c, String sql, Mapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) out.add(mapper.map(rs));
            return out;
        }
    }

    static <T> Optional<T> one(Connection c, String sql, Mapper<T> mapper, Object... args) throws SQLException {
        return list(c, sql, mapper, args).stream().findFirst();
    }

    /** Increments a named counter and returns its new value (the row lock orders concurrent writers). */
    static long next(Connection c, String counter) throws SQLException {
        update(c, "UPDATE desk_counter SET value = value + 1 WHERE name = ?", counter);
        return one(c, "SELECT value FROM desk_counter WHERE name = ?", rs -> rs.getLong(1), counter).orElseThrow();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
        return ps;
    }
}
