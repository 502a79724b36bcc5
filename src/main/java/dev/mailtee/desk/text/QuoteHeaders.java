package dev.mailtee.desk.text;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Lines that introduce earlier conversation, in English, German, French, Spanish and Dutch:
 * attributions ("On ... wrote:", "Am ... schrieb ...:", "Le ... a écrit :", "El ... escribió:",
 * "Op ... schreef ...:"), Outlook header fields ("From:", "Von:", "De :", "Van:", ...),
 * "-----Original Message-----" separators and forward markers (Gmail, Apple Mail).
 * Every check looks at one line of bounded length, so scanning a body stays linear.
 */
final class QuoteHeaders {

    static final int MAX_ATTRIBUTION_LENGTH = 400;

    /**
     * An attribution form: it starts with the opener and ends with the verb and a colon, or,
     * where the language names the writer after the verb, with the verb, a name and a colon.
     */
    private record Attribution(String opener, String verb, boolean nameAfterVerb) {

        boolean matches(String text) {
            if (!text.startsWith(opener)) {
                return false;
            }
            String beforeColon = text.substring(0, text.length() - 1).stripTrailing();
            if (!nameAfterVerb) {
                int at = beforeColon.length() - verb.length();
                // "<a@example.com>wrote:" happens: the verb needs no space, just no letter before it.
                return beforeColon.endsWith(verb) && at > opener.length()
                        && !Character.isLetter(beforeColon.charAt(at - 1));
            }
            int at = beforeColon.lastIndexOf(" " + verb + " ");
            return at >= opener.length() - 1 && beforeColon.length() - at <= MAX_NAME_LENGTH;
        }
    }

    private static final int MAX_NAME_LENGTH = 160;
    private static final List<Attribution> ATTRIBUTIONS = List.of(
            new Attribution("On ", "wrote", false),
            new Attribution("Am ", "schrieb", true),
            new Attribution("Le ", "a écrit", false),
            new Attribution("El ", "escribió", false),
            new Attribution("Op ", "schreef", true),
            new Attribution("Op ", "het volgende geschreven", false));

    private static final Set<String> FROM_FIELDS = Set.of("from", "von", "de", "van");
    private static final Set<String> OTHER_FIELDS = Set.of(
            "sent", "date", "to", "subject", "cc", "reply-to",
            "gesendet", "datum", "an", "betreff",
            "envoyé", "à", "objet", "date d'envoi",
            "enviado", "fecha", "para", "asunto",
            "verzonden", "aan", "onderwerp");
    private static final Set<String> DASHED_MARKERS = Set.of(
            "original message", "ursprüngliche nachricht", "message d'origine", "mensaje original",
            "oorspronkelijk bericht", "originalnachricht",
            "forwarded message", "weitergeleitete nachricht", "message transféré", "mensaje reenviado",
            "doorgestuurd bericht");
    private static final Set<String> COLON_MARKERS = Set.of(
            "begin forwarded message", "anfang der weitergeleiteten nachricht", "début du message réexpédié",
            "inicio del mensaje reenviado", "begin doorgestuurd bericht");

    private QuoteHeaders() {
    }

    /** Any line that belongs to the header of a quoted block. */
    static boolean isHeaderLine(String line) {
        return isAttribution(line) || fieldName(line).isPresent() || isMarker(line);
    }

    static boolean isAttribution(String line) {
        String text = normalized(line);
        if (text.length() > MAX_ATTRIBUTION_LENGTH || !text.endsWith(":")) {
            return false;
        }
        // Mail clients write a time or an address; prose such as "On 12 March I wrote:" has neither.
        return (text.indexOf('@') >= 0 || hasTimeOfDay(text))
                && ATTRIBUTIONS.stream().anyMatch(form -> form.matches(text));
    }

    /** "10:15", "7:07": a digit, a colon and two digits. */
    private static boolean hasTimeOfDay(String text) {
        for (int colon = text.indexOf(':', 1); colon >= 0 && colon + 2 < text.length();
                colon = text.indexOf(':', colon + 1)) {
            if (Character.isDigit(text.charAt(colon - 1)) && Character.isDigit(text.charAt(colon + 1))
                    && Character.isDigit(text.charAt(colon + 2))) {
                return true;
            }
        }
        return false;
    }

    /** Could be the first line of an attribution that the sender's client wrapped. */
    static boolean opensAttribution(String line) {
        String text = normalized(line);
        return text.length() <= MAX_ATTRIBUTION_LENGTH
                && ATTRIBUTIONS.stream().anyMatch(form -> text.startsWith(form.opener()));
    }

    static boolean isFromField(String line) {
        return fieldName(line).filter(FROM_FIELDS::contains).isPresent();
    }

    static boolean isOtherField(String line) {
        return fieldName(line).filter(OTHER_FIELDS::contains).isPresent();
    }

    /** "-----Original Message-----", "---------- Forwarded message ---------", "Begin forwarded message:". */
    static boolean isMarker(String line) {
        String text = normalized(line);
        if (text.length() > 80) {
            return false;
        }
        String core = text.replaceAll("^[-\\s]+|[-\\s]+$", "").toLowerCase(Locale.ROOT);
        if (text.startsWith("--") && DASHED_MARKERS.contains(core)) {
            return true;
        }
        return text.endsWith(":") && COLON_MARKERS.contains(core.substring(0, core.length() - 1).strip());
    }

    /** A line made only of dashes or underscores, as Outlook puts above its header block. */
    static boolean isRule(String line) {
        String text = line.strip();
        return text.length() >= 5 && text.length() <= 100
                && (text.chars().allMatch(c -> c == '-') || text.chars().allMatch(c -> c == '_'));
    }

    /** "From:", "*From:*" (Outlook's plain-text bold) or "De :" gives the lower-case field name. */
    private static Optional<String> fieldName(String line) {
        String text = normalized(line);
        if (text.length() > 1000) {
            return Optional.empty();
        }
        if (text.startsWith("*")) {
            text = text.substring(1);
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon > 20) {
            return Optional.empty();
        }
        String name = text.substring(0, colon).replace("*", "").strip().toLowerCase(Locale.ROOT);
        return FROM_FIELDS.contains(name) || OTHER_FIELDS.contains(name)
                ? Optional.of(name) : Optional.empty();
    }

    private static String normalized(String line) {
        String text = line.length() > 2000 ? line.substring(0, 2000) : line;
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').strip();
    }
}
