package dev.mailtee.transform;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Picks distinct random subject tags for the copies of one message. */
final class SubjectTags {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int DRAWS_PER_TAG = 1000;

    private SubjectTags() {}

    static List<SubjectTag> pick(int count, int length, RandomGenerator random) {
        if (BigInteger.valueOf(ALPHABET.length()).pow(length).compareTo(BigInteger.valueOf(count)) < 0) {
            throw new IllegalArgumentException(
                    "there are fewer than " + count + " distinct tags of " + length + " characters");
        }
        Set<String> tags = new LinkedHashSet<>();
        long draws = 0;
        while (tags.size() < count) {
            if (++draws > (long) DRAWS_PER_TAG * (count + 1)) {
                throw new IllegalStateException("the random source keeps repeating itself");
            }
            tags.add(draw(length, random));
        }
        return tags.stream().map(SubjectTag::new).toList();
    }

    private static String draw(int length, RandomGenerator random) {
        var tag = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            tag.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return tag.toString();
    }
}
