package dev.mailtee.mail;

/**
 * A server's SMTP reply: its code and its last line's text (RFC 5321 §4.2). Code 0 stands for
 * "no reply at all" — connection refused, lost or timed out — which is always temporary.
 */
public record Reply(int code, String text) {
    public static Reply noConnection(String why) {
        return new Reply(0, why);
    }

    public static Reply parse(int code, String response) {
        String[] lines = response.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        String text = last.length() > 4 ? last.substring(4) : "";
        return code <= 0 ? noConnection(response.strip().isEmpty() ? "connection lost" : "connection lost: " + last)
                : new Reply(code, text);
    }

    public boolean isPositive() {
        return code >= 200 && code < 400;
    }

    public boolean isPermanent() {
        return code >= 500;
    }

    public boolean isTransient() {
        return !isPositive() && !isPermanent();
    }

    @Override
    public String toString() {
        return code == 0 ? text : code + " " + text;
    }
}
