package dev.mailtee.desk;

import static dev.mailtee.testing.RawMessages.ascii;
import static dev.mailtee.testing.RawMessages.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The envelope sender becomes a Return-Path only when the header block has none. */
class ReturnPathStampTest {

    @Test
    void aMessageWithoutReturnPathGetsTheEnvelopeSenderFirst() {
        byte[] raw = crlf("From: bob@customer.test\nSubject: hi\n\nbody\n");
        assertThat(ascii(ReturnPathStamp.apply(raw, "bob@customer.test")))
                .isEqualTo("Return-Path: <bob@customer.test>\r\n" + ascii(raw));
        assertThat(ascii(ReturnPathStamp.apply(raw, ""))).isEqualTo("Return-Path: <>\r\n" + ascii(raw));
    }

    @Test
    void aReturnPathAnywhereInTheHeaderIsKept() {
        byte[] raw = crlf("From: bob@customer.test\nreturn-path: <>\nSubject: hi\n\nbody\n");
        assertThat(ReturnPathStamp.apply(raw, "bob@customer.test")).isSameAs(raw);
    }

    @Test
    void aReturnPathLineInTheBodyIsNoReturnPath() {
        byte[] raw = crlf("From: bob@customer.test\n\nReturn-Path: <>\n");
        assertThat(ascii(ReturnPathStamp.apply(raw, "bob@customer.test")))
                .startsWith("Return-Path: <bob@customer.test>\r\nFrom:");
    }

    @Test
    void anEmptyMessageGetsJustTheReturnPath() {
        assertThat(ascii(ReturnPathStamp.apply(new byte[0], "bob@customer.test")))
                .isEqualTo("Return-Path: <bob@customer.test>\r\n");
    }
}
