package cairn.db;

/**
 * The environment of commands that touch only the store ({@code cairn import}, {@code export},
 * {@code user}): the index, and the services that need one running, do not start in it.
 */
public final class StoreOnly {
  public static final String ENVIRONMENT = "store-only";

  private StoreOnly() {}
}
