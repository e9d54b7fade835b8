package cairn.exchange;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * One import running in the background for one user, as a page or API client polls it: its state,
 * how far it has read, and at the end its report or why the file was refused.
 */
public final class ImportJob {
  /** Where a job is in its life. */
  public enum State {
    QUEUED,
    RUNNING,
    DONE,
    REFUSED,
    FAILED
  }

  private final String id;
  private final long userId;
  private final String fileName;
  private final long totalBytes;
  private final Instant created;
  private volatile State state = State.QUEUED;
  private volatile long entries;
  private volatile long bytes;
  private volatile ImportReport report;
  private volatile String problemField;
  private volatile String problem;
  private volatile Instant finished;

  ImportJob(String id, long userId, String fileName, long totalBytes, Instant created) {
    this.id = id;
    this.userId = userId;
    this.fileName = fileName;
    this.totalBytes = totalBytes;
    this.created = created;
  }

  public String id() {
    return id;
  }

  long userId() {
    return userId;
  }

  public String fileName() {
    return fileName;
  }

  public State state() {
    return state;
  }

  /** Entries read so far. */
  public long entries() {
    return entries;
  }

  /** Bytes of the file read so far, of {@link #totalBytes}. */
  public long bytes() {
    return bytes;
  }

  public long totalBytes() {
    return totalBytes;
  }

  public Instant created() {
    return created;
  }

  /** The report, once {@link State#DONE}. */
  public @Nullable ImportReport report() {
    return report;
  }

  /** The field at fault ({@code file}) once {@link State#REFUSED}. */
  public @Nullable String problemField() {
    return problemField;
  }

  /** Why the file was refused, or what went wrong, once {@link State#REFUSED} or FAILED. */
  public @Nullable String problem() {
    return problem;
  }

  @Nullable
  Instant finished() {
    return finished;
  }

  void running() {
    state = State.RUNNING;
  }

  void progressed(long entries, long bytes) {
    this.entries = entries;
    this.bytes = bytes;
  }

  void done(ImportReport report, Instant at) {
    this.report = report;
    this.entries = report.read();
    this.bytes = totalBytes;
    finish(State.DONE, at);
  }

  void refused(String field, String rule, Instant at) {
    this.problemField = field;
    this.problem = rule;
    finish(State.REFUSED, at);
  }

  void failed(String why, Instant at) {
    this.problem = why;
    finish(State.FAILED, at);
  }

  private void finish(State end, Instant at) {
    finished = at;
    state = end;
  }
}
