package cairn.exchange;

/** Told how far an import has come, after every batch; called on the importing thread. */
@FunctionalInterface
public interface ImportProgress {
  ImportProgress NONE = (entries, bytes) -> {};

  /** {@code entries} read so far and the {@code bytes} of the file they came from. */
  void progressed(long entries, long bytes);
}
