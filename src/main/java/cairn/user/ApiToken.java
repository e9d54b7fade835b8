package cairn.user;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A user's API secret; the token clients send is {@code NAME:SECRET}. */
@MappedEntity("api_tokens")
record ApiToken(@Id Long userId, String secret, long createdAt) {}
