package cairn.exchange;

import cairn.bookmark.BookmarkDates;
import cairn.bookmark.BookmarkDraft;
import cairn.bookmark.UrlKey;
import cairn.exchange.ImportReport.JoinedTag;
import cairn.exchange.ImportReport.Skipped;
import cairn.exchange.ImportWriter.Item;
import cairn.exchange.ImportWriter.Kind;
import cairn.exchange.ImportWriter.Outcome;
import cairn.input.InvalidInputException;
import cairn.tag.TagList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import in progress: checks entries as the reader hands them over and saves them in batches.
 */
final class ImportRun {
  private static final Logger LOG = LoggerFactory.getLogger(ImportRun.class);
  private static final int MAX_URL_SHOWN = 200;
  private static final Pattern LEADING_DASHES = Pattern.compile("^-+");

  private final long userId;
  private final ImportOptions options;
  private final ImportWriter writer;
  private final ImportProgress progress;
  private final LongSupplier bytes;
  private final List<Item> pending = new ArrayList<>(ImportService.BATCH);
  private final List<Skipped> skipped = new ArrayList<>();
  private final List<JoinedTag> joinedExamples = new ArrayList<>();
  private long read;
  private long imported;
  private long merged;
  private long unchanged;
  private long skippedCount;
  private long joinedTags;

  ImportRun(
      long userId,
      ImportOptions options,
      ImportWriter writer,
      ImportProgress progress,
      LongSupplier bytes) {
    this.userId = userId;
    this.options = options;
    this.writer = writer;
    this.progress = progress;
    this.bytes = bytes;
  }

  long read() {
    return read;
  }

  void accept(ImportEntry entry) {
    read++;
    noteJoined(entry);
    try {
      pending.add(check(entry));
    } catch (InvalidInputException e) {
      skip(entry, e);
    }
    if (pending.size() >= ImportService.BATCH) {
      save();
    }
  }

  /** Saves what is pending. */
  void finish() {
    save();
  }

  ImportReport report(BookmarkFormat format, String error, long millis) {
    return new ImportReport(
        format,
        read,
        imported,
        merged,
        unchanged,
        skippedCount,
        skipped,
        joinedTags,
        joinedExamples,
        error,
        millis);
  }

  private void noteJoined(ImportEntry entry) {
    joinedTags += entry.joinedTags().size();
    for (String written : entry.joinedTags()) {
      if (joinedExamples.size() >= ImportReport.MAX_EXAMPLES) {
        return;
      }
      JoinedTag example = new JoinedTag(written, ImportFields.joinWords(written));
      if (!joinedExamples.contains(example)) {
        joinedExamples.add(example);
      }
    }
  }

  /**
   * The entry as a draft of the write path, which checks every field as a form or API would. Only a
   * leading {@code -} is taken off tags first: Delicious allowed it, Cairn reads it as exclusion,
   * and losing a bookmark over it would be worse.
   */
  private Item check(ImportEntry entry) {
    List<String> tags = new ArrayList<>(entry.tags().size() + options.extraTags().tags().size());
    for (String tag : entry.tags()) {
      String kept = LEADING_DASHES.matcher(tag).replaceFirst("");
      if (!kept.isEmpty()) {
        tags.add(kept);
      }
    }
    tags.addAll(options.extraTags().names());
    BookmarkDraft draft =
        new BookmarkDraft(
            entry.url(),
            entry.title(),
            entry.notes(),
            entry.quotes(),
            TagList.of(tags),
            entry.shared() && !options.forcePrivate(),
            entry.toread(),
            entry.created());
    BookmarkDates.checkNotFuture("created", draft.created(), writer.now());
    return new Item(entry, draft, UrlKey.of(draft.url()));
  }

  private void save() {
    if (pending.isEmpty()) {
      return;
    }
    List<Outcome> outcomes;
    try {
      outcomes = writer.write(userId, pending);
    } catch (RuntimeException e) {
      LOG.warn("Import batch of {} failed, saving its entries one by one", pending.size(), e);
      outcomes = oneByOne(e);
    }
    for (int i = 0; i < outcomes.size(); i++) {
      count(pending.get(i).entry(), outcomes.get(i));
    }
    pending.clear();
    progress.progressed(read, bytes.getAsLong());
  }

  /**
   * Saves each entry of a failed batch in a transaction of its own, so one entry the checks missed
   * cannot take the others down; if none can be saved, the fault is not in the entries.
   */
  private List<Outcome> oneByOne(RuntimeException batchFailure) {
    List<Outcome> outcomes = new ArrayList<>(pending.size());
    boolean anySaved = false;
    for (Item item : pending) {
      try {
        outcomes.add(writer.write(userId, List.of(item)).getFirst());
        anySaved = true;
      } catch (RuntimeException e) {
        outcomes.add(
            new Outcome(
                Kind.SKIPPED,
                new InvalidInputException("entry", "could not be saved: " + rootMessage(e))));
      }
    }
    if (!anySaved) {
      throw batchFailure;
    }
    return outcomes;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private void count(ImportEntry entry, Outcome outcome) {
    switch (outcome.kind()) {
      case IMPORTED -> imported++;
      case MERGED -> merged++;
      case UNCHANGED -> unchanged++;
      case SKIPPED -> skip(entry, outcome.why());
    }
  }

  private void skip(ImportEntry entry, InvalidInputException why) {
    skippedCount++;
    if (skipped.size() < ImportReport.MAX_LISTED) {
      String url = entry.url();
      if (url.length() > MAX_URL_SHOWN) {
        url = url.substring(0, MAX_URL_SHOWN) + "…";
      }
      skipped.add(new Skipped(entry.position(), entry.line(), url, why.field(), why.rule()));
    }
  }
}
