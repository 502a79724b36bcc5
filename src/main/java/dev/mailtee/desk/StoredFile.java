package dev.mailtee.desk;

import java.nio.file.Path;

/** An attachment's name and type as the message declared them, and where its bytes are. */
public record StoredFile(String filename, String contentType, Path path) {}
