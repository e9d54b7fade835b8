package cairn.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A {@code multipart/form-data} body of a few fields and one file, streamed from where the file is
 * (a big upload is never built in the test's memory either).
 */
public record Multipart(String boundary, byte[] head, BodyPublisher file, byte[] tail) {

  /** The fields in order, then the file's bytes read from {@code content} as they are sent. */
  public static Multipart of(
      Map<String, String> fields, String fileField, String fileName, BodyPublisher content) {
    String boundary = "cairn-test-" + System.nanoTime();
    StringBuilder head = new StringBuilder();
    fields.forEach(
        (name, value) ->
            head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    head.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"")
        .append(fileField)
        .append("\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    return new Multipart(
        boundary,
        head.toString().getBytes(StandardCharsets.UTF_8),
        content,
        ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
  }

  public static Multipart of(
      Map<String, String> fields, String fileField, String fileName, Path file) {
    try {
      return of(fields, fileField, fileName, BodyPublishers.ofFile(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file of unknown length: the body goes chunked, with no Content-Length to refuse early. */
  public static Multipart chunked(
      Map<String, String> fields, String fileField, String fileName, Path file) {
    return of(
        fields,
        fileField,
        fileName,
        BodyPublishers.ofInputStream(
            () -> {
              try {
                return Files.newInputStream(file);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }));
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The whole body: with a Content-Length when the file's length is known, else chunked. */
  public BodyPublisher publisher() {
    return BodyPublishers.concat(
        BodyPublishers.ofByteArray(head), file, BodyPublishers.ofByteArray(tail));
  }
}
