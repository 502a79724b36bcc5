package dev.mailtee.mail;

import java.util.Base64;

/** The two encodings of an encoded-word's text, RFC 2047 §4. */
enum WordEncoding {
    /** Safe in any header position: letters, digits and {@code !*+-/} (RFC 2047 §5(3)). */
    Q {
        @Override
        int length(byte[] bytes, int count) {
            int n = 0;
            for (int i = 0; i < count; i++) {
                n += isLiteral(bytes[i]) || bytes[i] == ' ' ? 1 : 3;
            }
            return n;
        }

        @Override
        String encode(byte[] bytes, int count) {
            var out = new StringBuilder();
            for (int i = 0; i < count; i++) {
                byte b = bytes[i];
                if (b == ' ') {
                    out.append('_');
                } else if (isLiteral(b)) {
                    out.append((char) b);
                } else {
                    out.append('=').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
                }
            }
            return out.toString();
        }
    },
    B {
        @Override
        int length(byte[] bytes, int count) {
            return (count + 2) / 3 * 4;
        }

        @Override
        String encode(byte[] bytes, int count) {
            return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, count));
        }
    };

    private static final String HEX = "0123456789ABCDEF";

    abstract int length(byte[] bytes, int count);

    abstract String encode(byte[] bytes, int count);

    /** Whichever gives the shorter text for these bytes. */
    static WordEncoding shorterFor(byte[] bytes) {
        return Q.length(bytes, bytes.length) <= B.length(bytes, bytes.length) ? Q : B;
    }

    private static boolean isLiteral(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == '!' || b == '*' || b == '+' || b == '-' || b == '/';
    }
}
