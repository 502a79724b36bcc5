package dev.mailtee.desk.mime;

/** One header field as received: its name and its unfolded value with encoded words decoded. */
record DecodedField(String name, String value) {

    boolean isNamed(String other) {
        return name.equalsIgnoreCase(other);
    }
}
