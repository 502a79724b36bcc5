package dev.mailtee.desk;

/** What became of an agent's action on a ticket or held mail. */
public sealed interface Worked {
    record Done(String what) implements Worked {}

    /** The ticket or item does not exist, or is outside the agent's offices (the two look alike). */
    record NotFound() implements Worked {}

    record Refused(String why) implements Worked {}
}
