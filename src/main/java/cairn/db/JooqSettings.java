package cairn.db;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jooq.conf.Settings;

/** jOOQ's settings for the store (micronaut-jooq takes the bean named after the data source). */
@Factory
class JooqSettings {
  /**
   * SQLite takes 32,766 bound values per statement since 3.32. jOOQ assumes the old limit of 999
   * and past it inlines every value into the SQL text: an import batch's multi-row insert then made
   * megabytes of SQL to render and parse, and with long notes went past SQLite's statement length.
   */
  static final int MAX_BIND_VALUES = 32_766;

  @Singleton
  @Named("default")
  Settings settings() {
    return new Settings().withInlineThreshold(MAX_BIND_VALUES);
  }
}
