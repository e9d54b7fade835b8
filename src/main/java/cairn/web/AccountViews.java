package cairn.web;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** View models of the account pages. */
public final class AccountViews {
  private AccountViews() {}

  /** A field carried through a form unchanged (the bookmarklet's page data through log-in). */
  public record Hidden(String name, String value) {}

  public record Login(
      PageView page, String name, String next, List<Hidden> carried, @Nullable String error) {}

  public record Signup(
      PageView page,
      String name,
      String invite,
      boolean open,
      boolean needsInvite,
      @Nullable String error,
      @Nullable String errorField) {}
}
