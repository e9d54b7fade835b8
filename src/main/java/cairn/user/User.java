package cairn.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * An account. Dates are epoch milliseconds, as every date in the store; {@code feedSecret} keys the
 * user's private feeds; {@code bookmarksChangedAt} is when any of their bookmarks last changed.
 */
@MappedEntity("users")
public record User(
    @Id @GeneratedValue @Nullable Long id,
    String name,
    String passwordHash,
    long createdAt,
    String feedSecret,
    long bookmarksChangedAt) {}
