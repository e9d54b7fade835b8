package cairn.journal;

import static cairn.db.schema.Tables.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cairn.support.Sql;
import cairn.support.TestStore;
import cairn.user.UserService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The change journal: positions grow in the order rows are written, {@code readAfter} pages through
 * them, a user's last change is stamped, and {@link RecentWrites} hears of a position only once its
 * transaction has committed — never of a rolled-back one.
 */
@MicronautTest(transactional = false, startApplication = false)
class ChangeJournalTest implements TestPropertyProvider {
  @Inject ChangeJournal journal;
  @Inject RecentWrites recent;
  @Inject UserService users;
  @Inject Sql sql;
  @Inject TransactionOperations<Connection> transactions;

  @Override
  public Map<String, String> getProperties() {
    return TestStore.properties();
  }

  private long user() {
    return users.create(TestStore.uniqueName("journal"), "password-j").user().id();
  }

  @Test
  void positionsGrowInWritingOrderAndReadAfterPagesThroughThem() {
    long user = user();
    long before = journal.lastSeq();
    long first = transactions.executeWrite(s -> journal.append(user, 7));
    // more rows than one multi-row statement holds
    List<Long> ids = LongStream.rangeClosed(1, 1234).boxed().toList();
    long last = transactions.executeWrite(s -> journal.appendAll(user, ids));
    assertTrue(first > before);
    assertEquals(first + ids.size(), last, "one position per bookmark, in order, no gaps");
    assertEquals(last, journal.lastSeq());
    assertEquals(0L, (long) transactions.executeWrite(s -> journal.appendAll(user, List.of())));

    List<ChangeJournal.Change> read = new ArrayList<>();
    for (long after = before; ; ) {
      List<ChangeJournal.Change> page = journal.readAfter(after, 500);
      if (page.isEmpty()) {
        break;
      }
      read.addAll(page);
      after = page.get(page.size() - 1).seq();
    }
    assertEquals(1 + ids.size(), read.size());
    assertEquals(new ChangeJournal.Change(first, 7), read.get(0));
    for (int i = 1; i < read.size(); i++) {
      assertEquals(read.get(i - 1).seq() + 1, read.get(i).seq());
      assertEquals((long) i, read.get(i).bookmarkId());
    }
  }

  @Test
  void recentWritesHearOfACommitOnlyAfterItAndNeverOfARollback() {
    long user = user();
    AtomicInteger told = new AtomicInteger();
    recent.onCommit(told::incrementAndGet);
    long committed =
        transactions.executeWrite(
            s -> {
              long seq = journal.append(user, 1);
              assertEquals(0, recent.lastSeqOf(user), "not before the commit");
              return seq;
            });
    assertEquals(committed, recent.lastSeqOf(user));
    assertTrue(told.get() >= 1);

    assertThrows(
        IllegalStateException.class,
        () ->
            transactions.executeWrite(
                s -> {
                  journal.append(user, 2);
                  throw new IllegalStateException("rolled back");
                }));
    assertEquals(committed, recent.lastSeqOf(user), "a rolled-back position is never announced");
    assertEquals(List.of(), journal.readAfter(committed, 10), "nor is its row in the journal");
  }

  @Test
  void aChangeStampsTheUsersLastChangeTime() {
    long user = user();
    long before = System.currentTimeMillis();
    transactions.executeWrite(s -> journal.append(user, 3));
    Long stamped =
        sql.read(
            db ->
                db.select(USERS.BOOKMARKS_CHANGED_AT)
                    .from(USERS)
                    .where(USERS.ID.eq(user))
                    .fetchOne(USERS.BOOKMARKS_CHANGED_AT));
    assertTrue(stamped != null && stamped >= before - 1000, "stamped " + stamped);
  }
}
