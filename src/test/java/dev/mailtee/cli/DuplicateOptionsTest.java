package dev.mailtee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.cli.DuplicateOptions.Parsed;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written parser of {@code mailtee duplicate}'s command line accepts and refuses what picocli did. */
class DuplicateOptionsTest {

    static DuplicateOptions options(String... args) {
        Parsed parsed = DuplicateOptions.parse(List.of(args));
        assertThat(parsed).isInstanceOf(Parsed.Run.class);
        return ((Parsed.Run) parsed).options();
    }

    static String usageError(String... args) {
        Parsed parsed = DuplicateOptions.parse(List.of(args));
        assertThat(parsed).isInstanceOf(Parsed.UsageError.class);
        return ((Parsed.UsageError) parsed).message();
    }

    @Test
    void addressesAloneGetTheDefaults() {
        DuplicateOptions o = options("a@kayako.example,b@kayako.example");

        assertThat(o.addresses()).containsExactly("a@kayako.example,b@kayako.example");
        assertThat(o.sendmail()).isEmpty();
        assertThat(o.smtp()).isEmpty();
        assertThat(o.sender()).isEmpty();
        assertThat(o.loopFallback()).isEmpty();
        assertThat(o.stateDir()).isEmpty();
        assertThat(o.keepDays()).isEqualTo(7);
        assertThat(o.sentinel()).isEqualTo("X-Kayako-Dup");
        assertThat(o.tagLength()).isEqualTo(4);
        assertThat(o.idHost()).isEmpty();
        assertThat(o.verbose()).isFalse();
    }

    @Test
    void everyOptionWithItsValueAsTheNextArgument() {
        DuplicateOptions o = options("--sendmail", "/usr/lib/sendmail", "--smtp", "mx.example:25", "-f", "relay@example.net",
                "--loop-fallback", "postmaster@example.net", "--state-dir", "/var/tmp/dup", "--keep-days", "9",
                "--sentinel", "X-Copy", "--tag-length", "6", "--id-host", "gw.example", "-v", "a@kayako.example");

        assertThat(o).isEqualTo(new DuplicateOptions(List.of("a@kayako.example"), Optional.of("/usr/lib/sendmail"),
                Optional.of("mx.example:25"), Optional.of("relay@example.net"), Optional.of("postmaster@example.net"),
                Optional.of(Path.of("/var/tmp/dup")), 9, "X-Copy", 6, Optional.of("gw.example"), true));
    }

    @Test
    void everyOptionWithItsValueAfterAnEqualsSign() {
        DuplicateOptions o = options("--sendmail=/usr/lib/sendmail", "--smtp=mx.example:25", "--sender=relay@example.net",
                "--loop-fallback=postmaster@example.net", "--state-dir=/var/tmp/dup", "--keep-days=9",
                "--sentinel=X-Copy", "--tag-length=6", "--id-host=gw.example", "--verbose", "a@kayako.example");

        assertThat(o).isEqualTo(new DuplicateOptions(List.of("a@kayako.example"), Optional.of("/usr/lib/sendmail"),
                Optional.of("mx.example:25"), Optional.of("relay@example.net"), Optional.of("postmaster@example.net"),
                Optional.of(Path.of("/var/tmp/dup")), 9, "X-Copy", 6, Optional.of("gw.example"), true));
    }

    @Test
    void optionsMayFollowAndSurroundTheAddresses() {
        DuplicateOptions o = options("a@kayako.example", "-f", "relay@example.net", "b@kayako.example", "--keep-days", "3");

        assertThat(o.addresses()).containsExactly("a@kayako.example", "b@kayako.example");
        assertThat(o.sender()).contains("relay@example.net");
        assertThat(o.keepDays()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-frelay@example.net", "-f=relay@example.net"})
    void theShortSenderOptionTakesAnAttachedValue(String arg) {
        assertThat(options(arg, "a@kayako.example").sender()).contains("relay@example.net");
    }

    @Test
    void anEmptySenderIsAValueNotAMissingOne() {
        assertThat(options("-f", "", "a@kayako.example").sender()).contains("");
        assertThat(options("--sender=", "a@kayako.example").sender()).contains("");
    }

    @Test
    void verboseClustersWithTheSenderOption() {
        DuplicateOptions o = options("-vf", "relay@example.net", "a@kayako.example");

        assertThat(o.verbose()).isTrue();
        assertThat(o.sender()).contains("relay@example.net");
    }

    @ParameterizedTest
    @CsvSource({"--verbose=true, true", "--verbose=FALSE, false", "-v=true, true"})
    void verboseTakesAnExplicitBoolean(String arg, boolean verbose) {
        assertThat(options(arg, "a@kayako.example").verbose()).isEqualTo(verbose);
    }

    @Test
    void afterADoubleDashEverythingIsAnAddress() {
        assertThat(options("--", "-odd@kayako.example", "--verbose").addresses()).containsExactly("-odd@kayako.example", "--verbose");
    }

    @Test
    void aLoneDashIsAnAddressNotAnOption() {
        assertThat(options("-").addresses()).containsExactly("-");
    }

    @Test
    void negativeAndSignedNumbersAreParsedForTheCommandToJudge() {
        assertThat(options("--keep-days=-3", "a@kayako.example").keepDays()).isEqualTo(-3);
        assertThat(options("--tag-length", "+5", "a@kayako.example").tagLength()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void helpWinsOverMissingAddresses(String arg) {
        assertThat(DuplicateOptions.parse(List.of(arg))).isEqualTo(new Parsed.HelpWanted());
        assertThat(DuplicateOptions.parse(List.of("a@kayako.example", arg, "--bogus"))).isEqualTo(new Parsed.HelpWanted());
    }

    @Test
    void noAddressIsAUsageError() {
        assertThat(usageError()).isEqualTo("Missing required parameter: 'ADDR[,ADDR...]'");
        assertThat(usageError("-v", "-f", "relay@example.net")).isEqualTo("Missing required parameter: 'ADDR[,ADDR...]'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--bogus=3", "-x", "---sendmail"})
    void unknownOptionsAreNamed(String arg) {
        assertThat(usageError(arg, "a@kayako.example")).isEqualTo("Unknown option: '" + arg + "'");
    }

    @Test
    void anUnknownOptionInAClusterIsNamedWithTheRestOfTheCluster() {
        assertThat(usageError("-vx", "a@kayako.example")).isEqualTo("Unknown option: '-x'");
    }

    @ParameterizedTest
    @CsvSource({"--sendmail, --sendmail, PATH", "--smtp, --smtp, HOST:PORT", "-f, --sender, ADDR", "--sender, --sender, ADDR",
            "--loop-fallback, --loop-fallback, ADDR", "--state-dir, --state-dir, DIR", "--keep-days, --keep-days, DAYS",
            "--sentinel, --sentinel, FIELD", "--tag-length, --tag-length, N", "--id-host, --id-host, HOST"})
    void aValueMissingAtTheEndIsNamed(String option, String name, String label) {
        assertThat(usageError("a@kayako.example", option))
                .isEqualTo("Missing required parameter for option '" + name + "' (" + label + ")");
    }

    @Test
    void anotherOptionWhereAValueBelongsIsAUsageError() {
        assertThat(usageError("-f", "--smtp", "a@kayako.example")).isEqualTo("Expected parameter for option '--sender' but found '--smtp'");
        assertThat(usageError("--sender=-v", "a@kayako.example")).isEqualTo("Expected parameter for option '--sender' but found '-v'");
    }

    @Test
    void aValueThatLooksLikeAnUnknownOptionIsTakenAsAValue() {
        assertThat(options("--sender", "-x", "a@kayako.example").sender()).contains("-x");
    }

    @ParameterizedTest
    @CsvSource({"--keep-days, abc", "--keep-days, 99999999999", "--keep-days, 0x10", "--keep-days, ''", "--tag-length, 4.5",
            "--tag-length, ' 4'"})
    void numbersMustBeInts(String option, String value) {
        assertThat(usageError(option, value, "a@kayako.example"))
                .isEqualTo("Invalid value for option '" + option + "': '" + value + "' is not an int");
    }

    @Test
    void verboseRefusesWhatIsNotABoolean() {
        assertThat(usageError("--verbose=yes", "a@kayako.example")).isEqualTo("Invalid value for option '--verbose': 'yes' is not a boolean");
    }

    @Test
    void anOptionGivenTwiceIsAUsageError() {
        assertThat(usageError("--sendmail", "/a", "--sendmail=/b", "x@kayako.example"))
                .isEqualTo("option '--sendmail' (PATH) should be specified only once");
        assertThat(usageError("-f", "a@example.org", "--sender", "b@example.org", "x@kayako.example"))
                .isEqualTo("option '--sender' (ADDR) should be specified only once");
        assertThat(usageError("-v", "--verbose", "x@kayako.example")).isEqualTo("option '--verbose' should be specified only once");
    }
}
