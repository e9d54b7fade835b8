package cairn.user;

import cairn.input.InvalidInputException;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.inject.Singleton;

/**
 * Hashes and checks passwords with Argon2id (memory-hard), stored in the PHC string format so the
 * parameters travel with each hash and can be raised later without breaking old ones.
 */
@Singleton
final class Passwords {
  static final int MIN_LENGTH = 8;
  static final int MAX_LENGTH = 1024;
  // OWASP's first recommended Argon2id setting: 19 MiB, 2 passes, 1 lane.
  private static final Argon2Function ARGON2 =
      Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
  // Checked when the user does not exist, so that the answer takes as long either way; made on
  // first use, since hashing it at start cost every CLI command (import, export) a second cold.
  private volatile String decoy;

  String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
  }

  boolean matches(String password, String hash) {
    return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
  }

  void burnTime(String password) {
    String against = decoy;
    if (against == null) {
      against = decoy = hash("not a password of anyone's");
    }
    matches(password, against);
  }

  static String check(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw new InvalidInputException("password", "must be at least 8 characters");
    }
    if (password.length() > MAX_LENGTH) {
      throw new InvalidInputException("password", "must be at most 1024 characters");
    }
    return password;
  }
}
