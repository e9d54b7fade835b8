package cairn.user;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface UserRepository extends CrudRepository<User, Long> {
  Optional<User> findByName(String name);

  boolean existsByName(String name);
}
