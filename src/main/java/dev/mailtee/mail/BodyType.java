package dev.mailtee.mail;

/**
 * The MAIL FROM parameters that describe the content: BODY=8BITMIME (RFC 6152) and SMTPUTF8
 * (RFC 6531). A relay passes them on only when the original used them.
 */
public record BodyType(boolean eightBitMime, boolean smtpUtf8) {
    public static final BodyType SEVEN_BIT = new BodyType(false, false);

    /** The parameters to add to MAIL FROM, with a leading space, or "". */
    public String mailParameters() {
        return (eightBitMime ? " BODY=8BITMIME" : "") + (smtpUtf8 ? " SMTPUTF8" : "");
    }
}
