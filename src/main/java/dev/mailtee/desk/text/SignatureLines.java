package dev.mailtee.desk.text;

import java.util.List;

/**
 * Lines that open a signature block when they follow a blank line: the "-- " delimiter
 * (RFC 3676 4.3) and its sloppy variants, "__" rules, "-Name" sign-offs, and the one-line
 * signatures mobile mail apps append.
 */
final class SignatureLines {

    /** Prefix, then 1 to 3 words, then suffix: "Sent from my iPhone", "Von meinem iPad gesendet". */
    private record MobileForm(String prefix, String suffix) {
    }

    private static final List<MobileForm> MOBILE = List.of(
            new MobileForm("Sent from my ", ""),
            new MobileForm("Get Outlook for ", ""),
            new MobileForm("Von meinem ", " gesendet"),
            new MobileForm("Envoyé de mon ", ""),
            new MobileForm("Enviado desde mi ", ""),
            new MobileForm("Verstuurd vanaf mijn ", ""),
            new MobileForm("Verzonden vanaf mijn ", ""));

    private SignatureLines() {
    }

    static boolean opensSignature(String line) {
        String leading = line.stripLeading();
        return leading.startsWith("--") || leading.startsWith("__")
                || (line.length() > 1 && line.charAt(0) == '-' && isWordChar(line.charAt(1)))
                || isMobileSignature(line);
    }

    private static boolean isMobileSignature(String line) {
        for (MobileForm form : MOBILE) {
            if (line.startsWith(form.prefix()) && line.endsWith(form.suffix())
                    && line.length() > form.prefix().length() + form.suffix().length()) {
                String device = line.substring(form.prefix().length(), line.length() - form.suffix().length());
                if (isOneToThreeWords(device)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isOneToThreeWords(String text) {
        if (text.isEmpty() || !isWordChar(text.charAt(0)) || !isWordChar(text.charAt(text.length() - 1))
                || text.length() > 60) {
            return false;
        }
        String[] words = text.split("\\s+");
        if (words.length > 3) {
            return false;
        }
        for (String word : words) {
            if (word.isEmpty() || !word.chars().allMatch(SignatureLines::isWordChar)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
