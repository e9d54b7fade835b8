package cairn.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.input.InvalidInputException;
import cairn.support.TestStore;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@MicronautTest(transactional = false, startApplication = false)
class UserServiceTest implements TestPropertyProvider {
  @Inject UserService users;

  @Override
  public Map<String, String> getProperties() {
    return TestStore.properties();
  }

  @Test
  void theTokenIsTheNameAndTwentyUpperCaseHexCharacters() {
    String name = TestStore.uniqueName("tok");
    String token = users.create(name, "password-1").token();
    assertTrue(token.matches(name + ":[0-9A-F]{20}"), token);
    assertEquals(token, users.tokenOf(users.findByName(name).orElseThrow()));
  }

  @Test
  void aValidTokenAuthenticatesItsUserAndNothingElseDoes() {
    String name = TestStore.uniqueName("auth");
    String token = users.create(name, "password-1").token();
    String other = users.create(TestStore.uniqueName("other"), "password-2").token();
    assertEquals(name, users.authenticateToken(token).orElseThrow().name());
    String secretOfOther = other.substring(other.indexOf(':') + 1);
    assertTrue(users.authenticateToken(name + ":" + secretOfOther).isEmpty());
    assertTrue(users.authenticateToken(name + ":").isEmpty());
    assertTrue(users.authenticateToken(token.toLowerCase()).isEmpty());
    assertTrue(users.authenticateToken("nobody:" + secretOfOther).isEmpty());
  }

  @Test
  void passwordsAreHashedWithArgon2idAndChecked() {
    String name = TestStore.uniqueName("pw");
    User user = users.create(name, "correct horse").user();
    assertTrue(user.passwordHash().startsWith("$argon2id$"), user.passwordHash());
    assertEquals(user.id(), users.authenticatePassword(name, "correct horse").orElseThrow().id());
    assertTrue(users.authenticatePassword(name, "wrong horse").isEmpty());
    assertTrue(users.authenticatePassword("no_such_user", "correct horse").isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "Upper", "with space", "dash-ed", "waytoolongusernamethatgoesonandon"})
  void badNamesAreRejectedNamingTheRule(String name) {
    var e = assertThrows(InvalidInputException.class, () -> users.create(name, "password-1"));
    assertEquals("name", e.field());
  }

  @Test
  void shortPasswordsAreRejected() {
    var e =
        assertThrows(
            InvalidInputException.class, () -> users.create(TestStore.uniqueName("p"), "short"));
    assertEquals("password", e.field());
  }

  @Test
  void aTakenNameIsRefused() {
    String name = TestStore.uniqueName("dup");
    users.create(name, "password-1");
    assertThrows(UserNameTakenException.class, () -> users.create(name, "password-2"));
  }
}
