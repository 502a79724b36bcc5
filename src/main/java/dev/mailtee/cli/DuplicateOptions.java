package dev.mailtee.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@code mailtee duplicate}, parsed by hand. A JVM starts for every piped
 * message, and picocli cost a third of that run: its classes are Java 5 bytecode that the AOT
 * cache cannot hold, and it reads its model from annotations by reflection. This parser accepts
 * what picocli accepted (options anywhere, {@code --name=value}, {@code -fADDR}, {@code --} ends
 * the options) and words its errors the same way.
 */
record DuplicateOptions(List<String> addresses, Optional<String> sendmail, Optional<String> smtp, Optional<String> sender,
        Optional<String> loopFallback, Optional<Path> stateDir, int keepDays, String sentinel, int tagLength,
        Optional<String> idHost, boolean verbose) {

    static final String DEFAULT_SENDMAIL = "/usr/sbin/sendmail";
    static final String ADDRESSES_LABEL = "ADDR[,ADDR...]";

    DuplicateOptions {
        addresses = List.copyOf(addresses);
    }

    /** What the command line asks for. */
    sealed interface Parsed {
        record Run(DuplicateOptions options) implements Parsed {}

        record HelpWanted() implements Parsed {}

        /** Worded like picocli's own messages (scripts may match them). */
        record UsageError(String message) implements Parsed {}
    }

    enum Option {
        SENDMAIL("PATH", "--sendmail"),
        SMTP("HOST:PORT", "--smtp"),
        SENDER("ADDR", "-f", "--sender"),
        LOOP_FALLBACK("ADDR", "--loop-fallback"),
        STATE_DIR("DIR", "--state-dir"),
        KEEP_DAYS("DAYS", "--keep-days"),
        SENTINEL("FIELD", "--sentinel"),
        TAG_LENGTH("N", "--tag-length"),
        ID_HOST("HOST", "--id-host"),
        VERBOSE(null, "-v", "--verbose"),
        HELP(null, "-h", "--help");

        final String label;
        final List<String> names;

        Option(String label, String... names) {
            this.label = label;
            this.names = List.of(names);
        }

        boolean isFlag() {
            return label == null;
        }

        /** As picocli names an option in its messages: by its longest name. */
        String longName() {
            return names.getLast();
        }

        static Optional<Option> named(String name) {
            for (Option o : values()) {
                if (o.names.contains(name)) return Optional.of(o);
            }
            return Optional.empty();
        }
    }

    static Parsed parse(List<String> args) {
        return new Parser(args).parse();
    }

    private static final class Parser {
        private final List<String> args;
        private final Map<Option, String> given = new EnumMap<>(Option.class);
        private final List<String> addresses = new ArrayList<>();
        private int next;

        Parser(List<String> args) {
            this.args = args;
        }

        Parsed parse() {
            boolean optionsEnded = false;
            while (next < args.size()) {
                String arg = args.get(next++);
                if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                    addresses.add(arg);
                } else if (arg.equals("--")) {
                    optionsEnded = true;
                } else {
                    Optional<String> error = option(arg);
                    if (error.isPresent()) return new Parsed.UsageError(error.get());
                    if (given.containsKey(Option.HELP)) return new Parsed.HelpWanted();
                }
            }
            if (addresses.isEmpty()) return new Parsed.UsageError("Missing required parameter: '" + ADDRESSES_LABEL + "'");
            return options();
        }

        /** Takes one option (and its value); an error message if it is not one this command knows or lacks its value. */
        private Optional<String> option(String arg) {
            boolean isLong = arg.startsWith("--");
            int equals = arg.indexOf('=');
            boolean shortWithEquals = !isLong && arg.startsWith("=", 2);
            String name = isLong ? (equals < 0 ? arg : arg.substring(0, equals)) : arg.substring(0, 2);
            String attached = isLong ? (equals < 0 ? null : arg.substring(equals + 1))
                    : arg.length() > 2 ? arg.substring(shortWithEquals ? 3 : 2) : null;
            Optional<Option> known = Option.named(name);
            if (known.isEmpty()) return Optional.of("Unknown option: '" + arg + "'");
            Option o = known.get();
            if (o.isFlag() && attached != null && !isLong && !shortWithEquals) {
                return flag(o, null).or(() -> option("-" + arg.substring(2))); // clustered: -vf ADDR
            }
            return o.isFlag() ? flag(o, attached) : value(o, attached);
        }

        private Optional<String> flag(Option o, String attached) {
            if (attached != null && !attached.equalsIgnoreCase("true") && !attached.equalsIgnoreCase("false")) {
                return Optional.of("Invalid value for option '" + o.longName() + "': '" + attached + "' is not a boolean");
            }
            return record(o, attached == null ? "true" : attached.toLowerCase(Locale.ROOT));
        }

        private Optional<String> value(Option o, String attached) {
            String value = attached;
            if (value == null) {
                if (next == args.size()) {
                    return Optional.of("Missing required parameter for option '" + o.longName() + "' (" + o.label + ")");
                }
                value = args.get(next++);
            }
            if (Option.named(value).isPresent()) {
                return Optional.of("Expected parameter for option '" + o.longName() + "' but found '" + value + "'");
            }
            return record(o, value);
        }

        private Optional<String> record(Option o, String value) {
            if (given.putIfAbsent(o, value) == null) return Optional.empty();
            return Optional.of("option '" + o.longName() + "'" + (o.isFlag() ? "" : " (" + o.label + ")")
                    + " should be specified only once");
        }

        private Parsed options() {
            int keepDays;
            int tagLength;
            try {
                keepDays = integer(Option.KEEP_DAYS, 7);
                tagLength = integer(Option.TAG_LENGTH, 4);
            } catch (NotAnInt e) {
                return new Parsed.UsageError(e.getMessage());
            }
            return new Parsed.Run(new DuplicateOptions(addresses, text(Option.SENDMAIL), text(Option.SMTP), text(Option.SENDER),
                    text(Option.LOOP_FALLBACK), text(Option.STATE_DIR).map(Path::of), keepDays,
                    text(Option.SENTINEL).orElse("X-Kayako-Dup"), tagLength, text(Option.ID_HOST),
                    given.containsKey(Option.VERBOSE) && given.get(Option.VERBOSE).equals("true")));
        }

        private Optional<String> text(Option o) {
            return Optional.ofNullable(given.get(o));
        }

        private int integer(Option o, int absent) throws NotAnInt {
            String value = given.get(o);
            if (value == null) return absent;
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new NotAnInt("Invalid value for option '" + o.longName() + "': '" + value + "' is not an int");
            }
        }
    }

    private static final class NotAnInt extends Exception {
        NotAnInt(String message) {
            super(message, null, false, false);
        }
    }
}
