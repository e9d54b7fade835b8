package cairn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules, read from the compiled classes (a fully qualified name counts as much as an
 * import). The layers, inner to outer: the store and its rules ({@code db}, {@code input}, {@code
 * journal}, {@code tag}, {@code bookmark}); the query model every listing is asked in ({@code
 * query}); the index ({@code search}); the services ({@code browse}, {@code user}, {@code
 * exchange}, {@code feed}, {@code follow}, {@code note}); the edges ({@code api}, {@code web},
 * {@code cli}, {@code ops}, and {@code errors}, which they share), which nothing else uses.
 */
class PackageRulesTest {
  private static final String[] EDGES = {
    "cairn.api..", "cairn.web..", "cairn.cli..", "cairn.ops..", "cairn.errors.."
  };
  private static final String[] SERVICES = {
    "cairn.browse..",
    "cairn.user..",
    "cairn.exchange..",
    "cairn.feed..",
    "cairn.follow..",
    "cairn.note.."
  };

  private static JavaClasses classes;

  @BeforeAll
  static void read() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cairn");
  }

  @Test
  void theStoreAndItsRulesKnowNothingOfTheIndexTheServicesOrTheEdges() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "cairn.db..", "cairn.input..", "cairn.journal..", "cairn.tag..", "cairn.bookmark..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(new String[] {"cairn.search.."}, SERVICES, EDGES))
        .check(classes);
  }

  @Test
  void theIndexKnowsNothingOfTheServicesOrTheEdges() {
    noClasses()
        .that()
        .resideInAPackage("cairn.search..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(SERVICES, EDGES))
        .check(classes);
  }

  @Test
  void theServicesKnowNothingOfTheEdges() {
    noClasses()
        .that()
        .resideInAnyPackage(SERVICES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(EDGES)
        .check(classes);
  }

  @Test
  void noEdgeUsesTheWebPagesButTheWeb() {
    noClasses()
        .that()
        .resideOutsideOfPackages("cairn.web..", "cairn")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("cairn.web..")
        .check(classes);
  }

  @Test
  void failuresAreToldWithoutKnowingTheSurfacesThatRenderThem() {
    noClasses()
        .that()
        .resideInAPackage("cairn.errors..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("cairn.api..", "cairn.web..", "cairn.cli..", "cairn.ops..")
        .check(classes);
  }

  @Test
  void onlyTheListingsUseTheIndexAmongTheServices() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "cairn.user..", "cairn.feed..", "cairn.note..", "cairn.follow..", "cairn.exchange..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("cairn.search..")
        .check(classes);
  }

  /**
   * The edges read through the services and the query model ({@code query}); of the index itself
   * they may know only its lifecycle and health (ops, cli) and that it can be unavailable.
   */
  @Test
  void theEdgesKnowTheIndexOnlyByItsLifecycleAndHealth() {
    noClasses()
        .that()
        .resideInAnyPackage(EDGES)
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "index internals",
                c ->
                    c.getPackageName().startsWith("cairn.search")
                        && !java.util.Set.of(
                                "cairn.search.SearchIndex",
                                "cairn.search.IndexHealth",
                                "cairn.search.IndexHealth$State",
                                "cairn.search.IndexUnavailableException")
                            .contains(c.getName())))
        .check(classes);
  }

  @Test
  void theQueryModelKnowsNothingOfTheIndexOrWhatUsesIt() {
    noClasses()
        .that()
        .resideInAPackage("cairn.query..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(new String[] {"cairn.search.."}, SERVICES, EDGES))
        .check(classes);
  }

  @Test
  void luceneStaysInTheIndex() {
    noClasses()
        .that()
        .resideOutsideOfPackages("cairn.search..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.lucene..")
        .check(classes);
  }

  private static String[] concat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }
}
