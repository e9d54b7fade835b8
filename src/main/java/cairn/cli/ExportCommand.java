package cairn.cli;

import cairn.exchange.BookmarkFormat;
import cairn.exchange.ExportService;
import cairn.input.InvalidInputException;
import cairn.user.User;
import cairn.user.UserNotFoundException;
import cairn.user.UserService;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn export --user NAME --format F [--output FILE]}: writes all of an account's
 * bookmarks, private ones included, to the file or to stdout (and nothing else to stdout). A file
 * appears only once it is complete. Runs on the store only, beside a running server if need be.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export an account's bookmarks: Netscape HTML, Pinboard JSON or Delicious XML.")
public final class ExportCommand implements Callable<Integer> {
  @Option(names = "--user", required = true, description = "the account to export")
  String user;

  @Option(
      names = "--format",
      required = true,
      description = "netscape, pinboard-json or delicious-xml")
  String format;

  @Option(names = "--output", description = "the file to write (default: stdout)")
  Path output;

  @Override
  public Integer call() throws IOException {
    BookmarkFormat chosen;
    try {
      chosen = BookmarkFormat.named("format", format);
    } catch (InvalidInputException e) {
      System.err.println("cannot export: --format " + e.rule());
      return 2;
    }
    try (ApplicationContext context = StoreContext.start()) {
      User account = context.getBean(UserService.class).getByName(user);
      ExportService exports = context.getBean(ExportService.class);
      long written;
      if (output == null) {
        // raw bytes through the stream: the export is UTF-8 whatever the platform's encoding
        written = exports.export(account.id(), account.name(), chosen, System.out);
        System.out.flush();
        if (System.out.checkError()) {
          System.err.println("cannot export: stdout was closed before the export was written");
          return 1;
        }
      } else {
        written = toFile(exports, account, chosen);
      }
      System.err.printf("Exported %,d bookmarks of %s (%s)%n", written, user, chosen.id());
      return 0;
    } catch (UserNotFoundException e) {
      System.err.println("cannot export: " + e.getMessage());
      return 2;
    }
  }

  /** Writes beside the target and moves into place, so a failed export leaves no half file. */
  private long toFile(ExportService exports, User account, BookmarkFormat chosen)
      throws IOException {
    Path target = output.toAbsolutePath();
    Path partial = Files.createTempFile(target.getParent(), ".cairn-export-", ".partial");
    try {
      long written;
      try (OutputStream out = Files.newOutputStream(partial)) {
        written = exports.export(account.id(), account.name(), chosen, out);
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      return written;
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
