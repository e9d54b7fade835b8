package cairn.errors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure as every surface reports it: the status, what went wrong, for bad input the field and
 * the rule it broke, further members a client can act on (the existing bookmark of a duplicate, an
 * upload's limit) and headers that go with it. Made once per kind of failure ({@link
 * FailureHandlers}); the surface the request came to renders it ({@link ErrorSurface}).
 */
public record Failure(
    HttpStatus status,
    String detail,
    @Nullable String field,
    @Nullable String rule,
    Map<String, Object> members,
    Map<String, String> headers) {

  public static Failure of(HttpStatus status, String detail) {
    return new Failure(status, detail, null, null, Map.of(), Map.of());
  }

  /** Bad input: which field, and the rule it broke. */
  public static Failure invalid(HttpStatus status, String field, String rule) {
    return new Failure(status, field + ": " + rule, field, rule, Map.of(), Map.of());
  }

  public static Failure invalid(String field, String rule) {
    return invalid(HttpStatus.BAD_REQUEST, field, rule);
  }

  /** The failure told in other words. */
  public Failure withDetail(String text) {
    return new Failure(status, text, field, rule, members, headers);
  }

  /** The failure with one more member for clients that read them (the JSON API's problem). */
  public Failure with(String member, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(members);
    more.put(member, value);
    return new Failure(status, detail, field, rule, Map.copyOf(more), headers);
  }

  /** The failure with a header every surface sends with it. */
  public Failure header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Failure(status, detail, field, rule, members, Map.copyOf(more));
  }
}
