package cairn.exchange;

import cairn.input.InvalidInputException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Imports a bookmark file into one user's account: reads it as a stream, checks every entry with
 * the rules of the write path, and saves the good ones {@value #BATCH} to a transaction, each batch
 * with its journal rows, so the index follows without being asked.
 *
 * <p>A bad entry is skipped and reported with its position and the rule it breaks; it never stops
 * the others. A file that is not a bookmark file, or that breaks before its first entry, is refused
 * with nothing written. A file that breaks off later keeps what was read before, and the report
 * says where it stopped. A URL the user already has is merged by {@link BookmarkMerge}, so
 * importing the same file twice changes nothing.
 */
@Singleton
public class ImportService {
  /** Entries per transaction: large enough for speed, small enough to keep the write lock short. */
  static final int BATCH = 1000;

  private final ImportWriter writer;

  ImportService(ImportWriter writer) {
    this.writer = writer;
  }

  /**
   * Imports {@code file} for {@code userId}. Throws {@link InvalidInputException} on field {@code
   * file} when the file is refused (nothing is then written); {@code fileName} only names it in
   * that message.
   */
  public ImportReport importFile(
      long userId,
      InputStream file,
      @Nullable String fileName,
      ImportOptions options,
      ImportProgress progress)
      throws IOException {
    long start = System.nanoTime();
    Counting counted = new Counting(file);
    BufferedInputStream in = new BufferedInputStream(counted, BookmarkFormat.HEAD_BYTES * 2);
    BookmarkFormat format = detect(in, fileName, options.format());
    ImportRun run = new ImportRun(userId, options, writer, progress, counted::count);
    String error = null;
    try {
      format.reader(options.foldersAsTags(), options.splitTagsOnSpaces()).read(in, run::accept);
    } catch (InvalidInputException e) {
      if (run.read() == 0) {
        throw e;
      }
      error = e.rule();
    }
    run.finish();
    return run.report(format, error, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * The file's format from its content; a format the caller names wins over what the content
   * suggests, but a file that is no bookmark file at all is refused either way.
   */
  private static BookmarkFormat detect(
      BufferedInputStream in, @Nullable String fileName, @Nullable BookmarkFormat named)
      throws IOException {
    in.mark(BookmarkFormat.HEAD_BYTES);
    byte[] head = in.readNBytes(BookmarkFormat.HEAD_BYTES);
    in.reset();
    BookmarkFormat detected = BookmarkFormat.detect(head, fileName);
    return named != null ? named : detected;
  }

  /** Counts the bytes read from the file, for progress. */
  private static final class Counting extends FilterInputStream {
    private volatile long count;

    Counting(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
