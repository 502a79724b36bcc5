package dev.mailtee.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A deliberately plain SMTP client for tests: exact bytes out, raw replies in. */
public final class SmtpClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    public final String greeting;

    public SmtpClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        greeting = reply();
    }

    /** Sends one command line and returns the whole (possibly multi-line) reply. */
    public String send(String line) throws IOException {
        write(line + "\r\n");
        return reply();
    }

    public void write(String raw) throws IOException {
        write(raw.getBytes(StandardCharsets.UTF_8));
    }

    public void write(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    /** Reads one reply: lines until one whose fourth character is a space. Empty string at EOF. */
    public String reply() throws IOException {
        StringBuilder all = new StringBuilder();
        while (true) {
            String line = line();
            if (line == null) return all.toString();
            all.append(line).append('\n');
            if (line.length() < 4 || line.charAt(3) == ' ') return all.toString().strip();
        }
    }

    /** One full transaction: MAIL, RCPT each, DATA, the message (dot-stuffed here), and the final reply. */
    public String sendMail(String from, java.util.List<String> to, String message) throws IOException {
        String r = send("MAIL FROM:<" + from + ">");
        if (!r.startsWith("250")) return r;
        for (String t : to) {
            r = send("RCPT TO:<" + t + ">");
            if (!r.startsWith("250")) return r;
        }
        r = send("DATA");
        if (!r.startsWith("354")) return r;
        write(dotStuff(message) + "\r\n.\r\n");
        return reply();
    }

    public static String dotStuff(String message) {
        String crlf = message.replace("\r\n", "\n").replace("\n", "\r\n");
        String stuffed = crlf.replace("\r\n.", "\r\n..");
        if (stuffed.startsWith(".")) stuffed = "." + stuffed;
        return stuffed.endsWith("\r\n") ? stuffed.substring(0, stuffed.length() - 2) : stuffed;
    }

    public boolean isClosedByServer() throws IOException {
        return in.read() == -1;
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') break;
            if (c != '\r') b.write(c);
        }
        if (c == -1 && b.size() == 0) return null;
        return b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
