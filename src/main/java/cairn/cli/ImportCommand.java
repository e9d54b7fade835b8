package cairn.cli;

import cairn.exchange.BookmarkFormat;
import cairn.exchange.ImportOptions;
import cairn.exchange.ImportReport;
import cairn.exchange.ImportService;
import cairn.input.InvalidInputException;
import cairn.user.UserNotFoundException;
import cairn.user.UserService;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn import FILE --user NAME}: imports a bookmark file into an account. Runs on the store
 * only, so it works beside a running server, whose index picks the new bookmarks up from the
 * journal. Exit status: 0 when the whole file was read (skipped entries are listed), 1 when the
 * file was refused or broke off, 2 for bad options.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import a bookmark file: Netscape HTML, Pinboard JSON, Delicious XML, or a Chrome or"
            + " Firefox bookmarks file.")
public final class ImportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "the bookmark file")
  Path file;

  @Option(names = "--user", required = true, description = "the account to import into")
  String user;

  @Option(
      names = "--format",
      description =
          "netscape, pinboard-json, delicious-xml, chrome-json or firefox-json"
              + " (default: told from the content)")
  String format;

  @Option(names = "--private", description = "make every new bookmark private")
  boolean forcePrivate;

  @Option(names = "--tag", description = "add this tag to every bookmark (repeatable)")
  List<String> tags = new ArrayList<>();

  @Option(names = "--no-folder-tags", description = "do not turn folder names into tags")
  boolean noFolderTags;

  @Option(
      names = "--split-tags-on-spaces",
      description =
          "split tags like 'digital humanities' in comma-separated lists into two tags"
              + " (default: one tag, digital_humanities)")
  boolean splitTagsOnSpaces;

  @Override
  public Integer call() throws IOException {
    ImportOptions options;
    try {
      BookmarkFormat named = format == null ? null : BookmarkFormat.forImport("format", format);
      options = ImportOptions.of(named, forcePrivate, tags, !noFolderTags, splitTagsOnSpaces);
    } catch (InvalidInputException e) {
      System.err.println("cannot import: --" + e.field() + " " + e.rule());
      return 2;
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      System.err.println("cannot import: " + file + " is not a readable file");
      return 2;
    }
    try (ApplicationContext context = StoreContext.start()) {
      long userId = context.getBean(UserService.class).getByName(user).id();
      String name = file.getFileName().toString();
      ImportReport report;
      try (InputStream in = Files.newInputStream(file);
          ImportProgressBar progress =
              ImportProgressBar.start(System.err, Files.size(file), name)) {
        report =
            context.getBean(ImportService.class).importFile(userId, in, name, options, progress);
      }
      ImportReportText.print(report, name, System.out);
      return report.complete() ? 0 : 1;
    } catch (UserNotFoundException e) {
      System.err.println("cannot import: " + e.getMessage());
      return 2;
    } catch (InvalidInputException e) {
      System.err.println("refused: " + file + " " + e.rule());
      return 1;
    }
  }
}
