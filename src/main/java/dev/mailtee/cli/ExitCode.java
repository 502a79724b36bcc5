package dev.mailtee.cli;

/** sysexits.h codes, as MTAs and procmail expect them from pipe commands. */
final class ExitCode {
    static final int OK = 0;
    static final int USAGE = 64;
    static final int DATAERR = 65;
    static final int SOFTWARE = 70;
    static final int TEMPFAIL = 75;
    static final int CONFIG = 78;

    private ExitCode() {}
}
