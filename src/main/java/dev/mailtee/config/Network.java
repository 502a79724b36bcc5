package dev.mailtee.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block in CIDR notation ("127.0.0.0/8", "::1/128", or a bare address). */
public record Network(InetAddress base, int prefix, String text) {

    public static Network parse(String cidr) {
        String s = cidr.trim();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        if (!addr.matches("[0-9A-Fa-f:.]+")) throw new IllegalArgumentException("'" + cidr + "' is not an IP network");
        InetAddress base;
        try {
            base = InetAddress.getByName(addr);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IP network");
        }
        int max = base.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? max : Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cidr + "' has a bad prefix length");
        }
        if (prefix < 0 || prefix > max) throw new IllegalArgumentException("'" + cidr + "' has a bad prefix length");
        return new Network(base, prefix, s);
    }

    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        byte[] b = base.getAddress();
        if (a.length != b.length) return false;
        int full = prefix / 8;
        for (int i = 0; i < full; i++) if (a[i] != b[i]) return false;
        int rest = prefix % 8;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (b[full] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
