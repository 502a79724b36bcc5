package dev.mailtee.desk.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Reply headers and signatures of common mail clients in English, German, French, Spanish and Dutch. */
class ReplySplitterLanguagesTest {

    private static String visible(String body) {
        return ReplySplitter.split(body).visibleText();
    }

    private static boolean quotedFragmentContains(String body, String text) {
        return ReplySplitter.split(body).fragments().stream()
                .anyMatch(f -> f.quoted() && f.hidden() && f.text().contains(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "On Tue, Mar 12, 2024 at 10:15 AM Max Mustermann <max@example.com> wrote:",
        "Am Di., 12. März 2024 um 10:15 Uhr schrieb Max Mustermann <max@example.de>:",
        "Le mar. 12 mars 2024 à 10:15, Marie Dupont <marie@example.fr> a écrit :",
        "Le mar. 12 mars 2024 à 10:15, Marie Dupont <marie@example.fr> a\u00a0écrit\u202f:",
        "El mar, 12 mar 2024 a las 10:15, Juan Pérez (<juan@example.es>) escribió:",
        "Op di 12 mrt 2024 om 10:15 schreef Jan Jansen <jan@example.nl>:",
        "On 12 Mar 2024, at 10:15, Max Mustermann <max@example.com> wrote:",
        "Am 12.03.2024 um 10:15 schrieb Max Mustermann <max@example.de>:",
        "Le 12 mars 2024 à 10:15, Marie Dupont <marie@example.fr> a écrit :",
        "El 12 mar 2024, a las 10:15, Juan Pérez <juan@example.es> escribió:",
        "Op 12 mrt. 2024 om 10:15 schreef Jan Jansen <jan@example.nl>:",
        "Op 12 mrt. 2024 om 10:15 heeft Jan Jansen <jan@example.nl> het volgende geschreven:"
    })
    void attributionAboveQuoteIsHidden(String attribution) {
        String body = "Thanks, that fixed it.\n\n" + attribution + "\n\n> Did you restart?\n>\n> Max\n";
        assertThat(visible(body)).isEqualTo("Thanks, that fixed it.");
        assertThat(quotedFragmentContains(body, attribution.strip())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "On Tue, Mar 12, 2024 at 10:15 AM Max Mustermann <max@example.com> wrote:",
        "Am Di., 12. März 2024 um 10:15 Uhr schrieb Max Mustermann <max@example.de>:",
        "Le mar. 12 mars 2024 à 10:15, Marie Dupont <marie@example.fr> a écrit :",
        "El mar, 12 mar 2024 a las 10:15, Juan Pérez (<juan@example.es>) escribió:",
        "Op di 12 mrt 2024 om 10:15 schreef Jan Jansen <jan@example.nl>:"
    })
    void attributionAboveUnquotedEarlierMessageHidesIt(String attribution) {
        String body = "Thanks, that fixed it.\n\n" + attribution + "\n\nDid you restart?\nMax\n";
        assertThat(visible(body)).isEqualTo("Thanks, that fixed it.");
        assertThat(quotedFragmentContains(body, "Did you restart?")).isTrue();
    }

    @Test
    void gmailWrapsLongGermanAttributionsOverTwoLines() {
        String body = "Danke, das hat geholfen.\n\nAm Di., 12. März 2024 um 10:15 Uhr schrieb Max Mustermann <\n"
                + "max@example.de>:\n\n> Haben Sie neu gestartet?\n";
        ReplyText reply = ReplySplitter.split(body);
        assertThat(reply.visibleText()).isEqualTo("Danke, das hat geholfen.");
        assertThat(reply.fragments()).anyMatch(f -> f.quoted()
                && f.text().contains("schrieb Max Mustermann < max@example.de>:"));
    }

    @Test
    void appleMailOnIosQuotesTheAttributionToo() {
        String body = "Works now.\n\nSent from my iPhone\n\n> On 12 Mar 2024, at 10:15, Max <max@example.com> wrote:\n"
                + ">\n> Did you restart?\n";
        assertThat(visible(body)).isEqualTo("Works now.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "-----Original Message-----\nFrom: Max <max@example.com>\nSent: Tuesday, March 12, 2024 10:15 AM\n"
                + "To: Support <support@example.com>\nSubject: Printer\n",
        "________________________________\nFrom: Max <max@example.com>\nSent: Tuesday, March 12, 2024 10:15\n"
                + "To: Support <support@example.com>\nSubject: Printer\n",
        "From: Max <max@example.com>\nSent: Tuesday, March 12, 2024 10:15 AM\nTo: Support <support@example.com>\n"
                + "Cc: Help <help@example.com>\nSubject: Printer\n",
        "*From:* Max <max@example.com>\n*Sent:* Tuesday, March 12, 2024 10:15 AM\n*To:* Support\n*Subject:* Printer\n",
        "-----Ursprüngliche Nachricht-----\nVon: Max Mustermann <max@example.de>\n"
                + "Gesendet: Dienstag, 12. März 2024 10:15\nAn: Support <support@example.de>\nBetreff: Drucker\n",
        "Von: Max Mustermann <max@example.de>\nGesendet: Dienstag, 12. März 2024 10:15\n"
                + "An: Support <support@example.de>\nBetreff: Drucker\n",
        "De : Marie Dupont <marie@example.fr>\nEnvoyé : mardi 12 mars 2024 10:15\n"
                + "À : Support <support@example.fr>\nObjet : Imprimante\n",
        "De\u00a0: Marie Dupont <marie@example.fr>\nEnvoyé\u00a0: mardi 12 mars 2024 10:15\n"
                + "À\u00a0: Support <support@example.fr>\nObjet\u00a0: Imprimante\n",
        "De: Juan Pérez <juan@example.es>\nEnviado: martes, 12 de marzo de 2024 10:15\n"
                + "Para: Soporte <soporte@example.es>\nAsunto: Impresora\n",
        "Van: Jan Jansen <jan@example.nl>\nVerzonden: dinsdag 12 maart 2024 10:15\n"
                + "Aan: Support <support@example.nl>\nOnderwerp: Printer\n"
    })
    void outlookHeaderBlockHidesTheUnquotedEarlierMessage(String headerBlock) {
        String body = "Please see below.\n\n" + headerBlock + "\nThe printer is broken.\n\nRegards\nMax\n";
        assertThat(visible(body)).isEqualTo("Please see below.");
        assertThat(quotedFragmentContains(body, "The printer is broken.")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "---------- Forwarded message ---------",
        "---------- Weitergeleitete Nachricht ---------",
        "---------- Message transféré ---------",
        "---------- Mensaje reenviado ---------",
        "---------- Doorgestuurd bericht ---------",
        "Begin forwarded message:",
        "Anfang der weitergeleiteten Nachricht:",
        "Début du message réexpédié :",
        "Inicio del mensaje reenviado:",
        "Begin doorgestuurd bericht:"
    })
    void forwardMarkerStartsTheForwardedMessage(String marker) {
        String body = "FYI, see below.\n\n" + marker + "\nFrom: Max <max@example.com>\n"
                + "Date: Tue, Mar 12, 2024 at 10:15 AM\nSubject: Printer\nTo: <support@example.com>\n\n"
                + "The printer is broken.\n";
        assertThat(visible(body)).isEqualTo("FYI, see below.");
        assertThat(quotedFragmentContains(body, "The printer is broken.")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sent from my iPhone", "Sent from my Samsung Galaxy S23", "Get Outlook for iOS",
        "Von meinem iPhone gesendet", "Envoyé de mon iPhone", "Enviado desde mi iPhone",
        "Verstuurd vanaf mijn iPad", "Verzonden vanaf mijn Android"})
    void mobileSignaturesAreHidden(String signature) {
        ReplyText reply = ReplySplitter.split("Here is another email\n\n" + signature + "\n");
        assertThat(reply.visibleText()).isEqualTo("Here is another email");
        assertThat(reply.fragments()).anyMatch(f -> f.signature() && f.text().startsWith(signature));
    }

    @Test
    void dashDashSpaceSignatureIsHidden() {
        ReplyText reply = ReplySplitter.split("Thanks\n\n-- \nMax Mustermann\nACME Corp\n");
        assertThat(reply.visibleText()).isEqualTo("Thanks");
        assertThat(reply.fragments()).anyMatch(f -> f.signature() && f.text().startsWith("-- \nMax"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "On Monday I wrote the following:\n\nthe printer jams.",
        "Am Montag schrieb ich:\n\nDer Drucker klemmt.",
        "On 12 March I wrote:\n\nthe printer jams.",
        "Am 12. März schrieb ich Folgendes:\n\nDer Drucker klemmt.",
        "From: my experience, To: be honest, it jams.\nSubject: printer.",
        "From: the office\n\nTo: the lab\nSubject: moving printers",
        "Sent from my desk, it still jams.\n\nand more",
        "- a bullet\n- another bullet\n\nand the end"
    })
    void ordinaryTextThatLooksLikeAHeaderStaysVisible(String text) {
        String body = "Hello,\n\n" + text + "\n";
        assertThat(visible(body)).isEqualTo(body.strip());
    }

    @Test
    void bottomPostedOutlookStyleQuoteKeepsTheAnswerBelowVisible() {
        String body = "On Tue, Mar 12, 2024 at 10:15 AM Max <max@example.com> wrote:\n> Did you restart?\n\n"
                + "Yes, twice.\n";
        assertThat(visible(body)).isEqualTo(body.strip());
    }
}
