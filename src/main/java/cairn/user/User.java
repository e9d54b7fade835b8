package cairn.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** An account. {@code createdAt} is epoch milliseconds, as every date in the store. */
@MappedEntity("users")
public record User(
    @Id @GeneratedValue @Nullable Long id, String name, String passwordHash, long createdAt) {}
