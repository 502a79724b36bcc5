package dev.mailtee.desk;

import java.util.List;
import java.util.stream.Collectors;

/** A reply body split into fragments, top to bottom. */
record ReplyText(List<ReplyFragment> fragments) {

    ReplyText {
        fragments = List.copyOf(fragments);
    }

    /** What the author newly wrote: the fragments that are not hidden. */
    String visibleText() {
        return fragments.stream().filter(f -> !f.hidden()).map(ReplyFragment::text)
                .collect(Collectors.joining("\n")).stripTrailing();
    }
}
