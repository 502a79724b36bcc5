package dev.mailtee.transform;

/** Test messages written for these tests (LF; turn into CRLF where a test needs it). */
final class Messages {
    private Messages() {}

    static final String PLAIN = """
            Return-Path: <ana@example.org>
            Received: from mx.example.org (mx.example.org [192.0.2.1])
            \tby gw.example.net with ESMTPS id 4bXy9; Tue, 1 Jul 2025 10:00:02 +0200
            From: Ana Lima <ana@example.org>
            To: helpdesk@example.net
            Subject: Printer on floor 3 is jammed
            Date: Tue, 1 Jul 2025 10:00:00 +0200
            Message-ID: <orig-1@example.org>
            In-Reply-To: <prev@example.org>
            References: <first@example.org>
             <prev@example.org>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit

            Hello, the printer is jammed again.
            Grüße, Ana

            --\s
            Ana Lima, Facilities
            """;

    static final String MULTIPART = """
            From: "Lima, Ana" <ana@example.org>
            To: helpdesk@example.net, boss@example.net
            Cc: team@example.org
            Subject: =?UTF-8?Q?Rechnung_f=C3=BCr_M=C3=A4rz?=
            Date: Tue, 1 Jul 2025 10:00:00 +0200
            Message-ID: <orig-2@example.org>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            This is a multi-part message in MIME format.

            --outer
            Content-Type: multipart/alternative; boundary="inner"

            --inner
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Die Rechnung f=C3=BCr M=C3=A4rz ist angeh=C3=A4ngt.
            --inner
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            <p>Die Rechnung f=C3=BCr M=C3=A4rz ist angeh=C3=A4ngt.</p>
            --inner--

            --outer
            Content-Type: application/pdf; name="rechnung.pdf"
            Content-Disposition: attachment; filename="rechnung.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDwvVHlwZS9DYXRhbG9nPj4KZW5kb2JqCnRy
            YWlsZXIKPDwvUm9vdCAxIDAgUj4+CiUlRU9GCg==
            --outer
            Content-Type: message/rfc822

            From: bob@example.org
            Subject: the forwarded one
            Message-ID: <inner@example.org>

            Forwarded body.
            --outer--
            """;
}
