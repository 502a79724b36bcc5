package dev.mailtee.desk.text;

import java.util.List;
import java.util.stream.Collectors;

/** A reply body split into fragments, top to bottom. */
public record ReplyText(List<ReplyFragment> fragments) {

    public ReplyText {
        fragments = List.copyOf(fragments);
    }

    /** What the author newly wrote: the fragments that are not hidden. */
    public String visibleText() {
        return fragments.stream().filter(f -> !f.hidden()).map(ReplyFragment::text)
                .collect(Collectors.joining("\n")).stripTrailing();
    }
}
