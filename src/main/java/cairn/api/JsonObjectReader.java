package cairn.api;

import cairn.input.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a request body as one JSON object and its fields with strict types, so that every mistake
 * (malformed JSON, a duplicate or unknown field, a wrong type) comes back naming the field and the
 * rule instead of being coerced or ignored.
 */
@Singleton
final class JsonObjectReader {
  private final ObjectReader reader;

  JsonObjectReader(ObjectMapper mapper) {
    this.reader = mapper.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }

  /**
   * The body's fields; throws unless it is a JSON object whose fields are all in {@code allowed}.
   */
  Fields read(String body, Set<String> allowed) {
    JsonNode node;
    try {
      node = body == null || body.isBlank() ? null : reader.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "body", "must be valid JSON: " + e.getOriginalMessage() + locationOf(e));
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException("body", "must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new InvalidInputException(
            name,
            "is not a known field; known fields are "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
    return new Fields((ObjectNode) node);
  }

  private static String locationOf(JsonProcessingException e) {
    var location = e.getLocation();
    return location == null
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /** Typed access to an object's fields; a JSON {@code null} counts as absent. */
  record Fields(ObjectNode node) {
    boolean has(String field) {
      JsonNode value = node.get(field);
      return value != null && !value.isNull();
    }

    Optional<String> text(String field) {
      return value(field, JsonNodeType.STRING, "a string").map(JsonNode::textValue);
    }

    Optional<Boolean> bool(String field) {
      return value(field, JsonNodeType.BOOLEAN, "true or false").map(JsonNode::booleanValue);
    }

    Optional<JsonNode> raw(String field) {
      return has(field) ? Optional.of(node.get(field)) : Optional.empty();
    }

    Optional<List<String>> textList(String field) {
      return value(field, JsonNodeType.ARRAY, "an array of strings").map(a -> strings(field, a));
    }

    static List<String> strings(String field, JsonNode array) {
      List<String> values = new ArrayList<>(array.size());
      for (int i = 0; i < array.size(); i++) {
        JsonNode element = array.get(i);
        if (!element.isTextual()) {
          throw new InvalidInputException(
              field + "[" + i + "]", "must be a string; got " + describe(element));
        }
        values.add(element.textValue());
      }
      return values;
    }

    private Optional<JsonNode> value(String field, JsonNodeType type, String expected) {
      if (!has(field)) {
        return Optional.empty();
      }
      JsonNode value = node.get(field);
      if (value.getNodeType() != type) {
        throw new InvalidInputException(field, "must be " + expected + "; got " + describe(value));
      }
      return Optional.of(value);
    }

    static String describe(JsonNode value) {
      return switch (value.getNodeType()) {
        case STRING -> "a string";
        case NUMBER -> "a number";
        case BOOLEAN -> "a boolean";
        case ARRAY -> "an array";
        case OBJECT -> "an object";
        default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
      };
    }
  }
}
