package cairn.cli;

import cairn.input.InvalidInputException;
import cairn.user.UserNameTakenException;
import cairn.user.UserService;
import io.micronaut.context.ApplicationContext;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn user …}: account administration from the shell. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Manage accounts.",
    subcommands = {UserCommand.Add.class})
public final class UserCommand {

  /** {@code cairn user add NAME}: creates an account and prints its API token on stdout. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Create a user; prints the new user's API token (NAME:SECRET).")
  static final class Add implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "lower-case letters, digits and _, 1-30 long")
    String name;

    @Option(
        names = "--password-stdin",
        description = "read the password from standard input instead of asking on the terminal")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
      PrintStream err = System.err;
      String password = passwordStdin ? readStdin(System.in) : askTwice();
      if (password == null) {
        return 2;
      }
      try (ApplicationContext context = StoreContext.start()) {
        var created = context.getBean(UserService.class).create(name, password);
        err.println("Created user " + created.user().name() + ". API token:");
        System.out.println(created.token());
        return 0;
      } catch (InvalidInputException e) {
        err.println("cannot create user: " + e.field() + " " + e.rule());
        return 1;
      } catch (UserNameTakenException e) {
        err.println("cannot create user: " + e.getMessage());
        return 1;
      }
    }

    private static String readStdin(InputStream in) throws IOException {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (text.endsWith("\n")) {
        text = text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1));
      }
      return text;
    }

    private String askTwice() {
      Console console = System.console();
      if (console == null || !console.isTerminal()) {
        System.err.println("no terminal to ask for the password on: use --password-stdin");
        return null;
      }
      char[] first = console.readPassword("Password for %s: ", name);
      char[] second = console.readPassword("Again: ");
      if (first == null || second == null || !Arrays.equals(first, second)) {
        System.err.println("the passwords differ");
        return null;
      }
      return new String(first);
    }
  }
}
