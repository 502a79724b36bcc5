package dev.mailtee.desk.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.james.mime4j.stream.Field;

/** The raw header fields of one MIME entity (the message or one body part), in order. */
final class EntityHeader {

    private final List<Field> fields = new ArrayList<>();

    void add(Field field) {
        fields.add(field);
    }

    List<Field> fields() {
        return fields;
    }

    Optional<Field> first(String name) {
        return fields.stream().filter(f -> name.equalsIgnoreCase(f.getName())).findFirst();
    }

    List<Field> all(String name) {
        return fields.stream().filter(f -> name.equalsIgnoreCase(f.getName())).toList();
    }

    MimeParameters parameters(String name) {
        return first(name).map(f -> MimeParameters.parse(HeaderText.rawValue(f))).orElse(MimeParameters.NONE);
    }
}
