package cairn.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads one bookmark file format, handing over entries in file order as they are found. */
public interface BookmarkReader {
  /**
   * Reads {@code in} to its end and passes each entry to {@code sink}. Bad fields give an entry
   * with that field empty; only a file too broken to continue throws.
   */
  void read(InputStream in, Consumer<ImportEntry> sink) throws IOException;

  /** Reads every entry into a list; convenient for small files and tests. */
  default List<ImportEntry> readAll(InputStream in) throws IOException {
    List<ImportEntry> entries = new ArrayList<>();
    read(in, entries::add);
    return entries;
  }
}
