package cairn.web;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Lets page handlers take the {@link Visitor} that {@link VisitorFilter} worked out. */
@Singleton
final class VisitorBinder implements TypedRequestArgumentBinder<Visitor> {
  @Override
  public Argument<Visitor> argumentType() {
    return Argument.of(Visitor.class);
  }

  @Override
  public BindingResult<Visitor> bind(
      ArgumentConversionContext<Visitor> context, HttpRequest<?> source) {
    Optional<Visitor> visitor = source.getAttribute(VisitorFilter.ATTRIBUTE, Visitor.class);
    return () -> visitor;
  }
}
