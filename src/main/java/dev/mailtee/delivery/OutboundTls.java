package dev.mailtee.delivery;

import dev.mailtee.config.Destination;
import dev.mailtee.config.TlsPolicy;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Angus Mail session properties for a destination's STARTTLS policy, as Postfix's levels:
 * off = none, opportunistic = may (encrypt if offered, no verification), required = encrypt,
 * verified against the JDK's CAs or the configured CA file unless verification is turned off.
 */
final class OutboundTls {
    private OutboundTls() {}

    static void apply(Destination d, Properties props) {
        boolean tls = d.tls() != TlsPolicy.OFF;
        props.put("mail.smtp.starttls.enable", String.valueOf(tls));
        props.put("mail.smtp.starttls.required", String.valueOf(d.tls() == TlsPolicy.REQUIRED));
        if (!tls) return;
        boolean verify = d.tls() == TlsPolicy.REQUIRED && d.verifyCertificate();
        props.put("mail.smtp.ssl.checkserveridentity", String.valueOf(verify));
        try {
            props.put("mail.smtp.ssl.socketFactory", context(d, verify).getSocketFactory());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("TLS setup for " + d.name() + " failed: " + e.getMessage(), e);
        }
    }

    private static SSLContext context(Destination d, boolean verify) throws GeneralSecurityException, java.io.IOException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        TrustManager[] trust = verify ? verifying(d) : new TrustManager[] {new TrustAnything()};
        ctx.init(null, trust, null);
        return ctx;
    }

    private static TrustManager[] verifying(Destination d) throws GeneralSecurityException, java.io.IOException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (d.caFile().isEmpty()) {
            tmf.init((KeyStore) null);
            return tmf.getTrustManagers();
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(d.caFile().get())) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca" + i++, c);
            }
        }
        tmf.init(ks);
        return tmf.getTrustManagers();
    }

    /** Opportunistic TLS encrypts against passive listeners only; it checks nothing, like Postfix "may". */
    private static final class TrustAnything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
