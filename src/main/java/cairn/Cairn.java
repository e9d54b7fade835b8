package cairn;

import cairn.cli.ExportCommand;
import cairn.cli.ImportCommand;
import cairn.cli.ReindexCommand;
import cairn.cli.UserCommand;
import io.micronaut.runtime.Micronaut;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Cairn's single entry point: {@code serve} (the default) runs the server; other commands work on
 * the store of the same data directory and exit.
 */
@Command(
    name = "cairn",
    mixinStandardHelpOptions = true,
    description = "Self-hosted social bookmarking with tag clouds.",
    subcommands = {
      UserCommand.class,
      ReindexCommand.class,
      ImportCommand.class,
      ExportCommand.class
    },
    footer = "%nRun with no command, or 'serve', to start the server.")
public final class Cairn {
  /** Read after the built-in defaults and before environment variables, when it exists. */
  static final Path DEFAULT_CONFIG = Path.of("config", "cairn.yml");

  public static void main(String[] args) {
    useConfigFile();
    if (args.length == 0 || args[0].equals("serve")) {
      String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
      Micronaut.build(rest).mainClass(Cairn.class).start();
      return;
    }
    System.exit(new CommandLine(new Cairn()).execute(args));
  }

  private static void useConfigFile() {
    String explicit = System.getenv("CAIRN_CONFIG");
    Path file = explicit != null ? Path.of(explicit) : DEFAULT_CONFIG;
    if (explicit != null && !Files.isRegularFile(file)) {
      System.err.println("CAIRN_CONFIG names " + file + ", which is not a readable file");
      System.exit(2);
    }
    if (Files.isRegularFile(file) && System.getProperty("micronaut.config.files") == null) {
      System.setProperty("micronaut.config.files", file.toAbsolutePath().toString());
    }
  }
}
