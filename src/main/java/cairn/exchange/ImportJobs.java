package cairn.exchange;

import cairn.db.StoreOnly;
import cairn.input.InvalidInputException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports uploaded through the server: each file is first stored whole under the data directory (so
 * the upload ends before the import starts, and memory stays flat), then imported: queued jobs one
 * after another on one background thread, a job asked to {@code wait} on its request's thread (the
 * store has one writer, so concurrent imports take turns at each batch's transaction).
 *
 * <p>Jobs live in memory, by user: another user's job is not found. Finished jobs are forgotten
 * after {@link #KEPT}; a restart forgets them all, and removes uploads it did not get to.
 */
@Singleton
@Requires(notEnv = StoreOnly.ENVIRONMENT)
public class ImportJobs {
  /** How long a finished job can still be looked at. */
  static final Duration KEPT = Duration.ofHours(1);

  private static final int COPY_BUFFER = 64 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ImportService imports;
  private final Clock clock;
  private final UploadLimit limit;
  private final Path uploads;
  private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("cairn-import").factory());

  ImportJobs(
      ImportService imports,
      Clock clock,
      UploadLimit limit,
      @Value("${cairn.data-dir}") Path dataDir)
      throws IOException {
    this.imports = imports;
    this.clock = clock;
    this.limit = limit;
    this.uploads = Files.createDirectories(dataDir.resolve("uploads"));
    try (Stream<Path> left = Files.list(uploads)) {
      for (Path file : left.toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** An uploaded file, stored and checked to be a bookmark file, not yet imported. */
  public record Upload(Path file, String fileName, long size) {}

  /**
   * Stores {@code body} whole and checks its head; throws {@link InvalidInputException} on field
   * {@code file} (and keeps nothing) when it is not a bookmark file, and {@link
   * UploadTooLargeException} (keeping nothing) as soon as it runs past the {@link UploadLimit}. An
   * upload broken off midway fails with the stream's {@link IOException}, and is not kept either:
   * only a whole file is ever imported.
   */
  public Upload store(InputStream body, String fileName) throws IOException {
    Path file = Files.createTempFile(uploads, "import-", ".upload");
    try {
      long size = copy(body, file);
      try (InputStream in = Files.newInputStream(file)) {
        BookmarkFormat.detect(in.readNBytes(BookmarkFormat.HEAD_BYTES), fileName);
      }
      return new Upload(file, fileName, size);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  /** Copies through one small buffer, counting, so that memory stays flat at any size. */
  private long copy(InputStream body, Path file) throws IOException {
    byte[] buffer = new byte[COPY_BUFFER];
    long size = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int n; (n = body.read(buffer)) >= 0; ) {
        size += n;
        if (size > limit.bytes()) {
          throw new UploadTooLargeException(-1, limit.bytes());
        }
        out.write(buffer, 0, n);
      }
    }
    return size;
  }

  /** Queues the upload for import and returns its job at once. */
  public ImportJob submit(long userId, Upload upload, ImportOptions options) {
    ImportJob job = register(userId, upload);
    worker.execute(() -> run(job, upload, options));
    return job;
  }

  /** Imports the upload on this thread and returns its finished job; for callers that wait. */
  public ImportJob runHere(long userId, Upload upload, ImportOptions options) {
    ImportJob job = register(userId, upload);
    run(job, upload, options);
    return job;
  }

  private ImportJob register(long userId, Upload upload) {
    forgetOld();
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    ImportJob job =
        new ImportJob(
            HexFormat.of().formatHex(id),
            userId,
            upload.fileName(),
            upload.size(),
            clock.instant());
    jobs.put(job.id(), job);
    return job;
  }

  /** The user's job with this id; someone else's is not found either. */
  public ImportJob get(long userId, String id) {
    return Optional.ofNullable(jobs.get(id))
        .filter(job -> job.userId() == userId)
        .orElseThrow(() -> new ImportJobNotFoundException(id));
  }

  private void run(ImportJob job, Upload upload, ImportOptions options) {
    job.running();
    try (InputStream in = Files.newInputStream(upload.file())) {
      job.done(
          imports.importFile(job.userId(), in, upload.fileName(), options, job::progressed),
          clock.instant());
    } catch (InvalidInputException e) {
      job.refused(e.field(), e.rule(), clock.instant());
    } catch (IOException | RuntimeException e) {
      LOG.error("Import {} of {} failed", job.id(), upload.fileName(), e);
      job.failed("the import failed: " + e.getMessage(), clock.instant());
    } finally {
      try {
        Files.deleteIfExists(upload.file());
      } catch (IOException e) {
        LOG.warn("Could not remove upload {}", upload.file(), e);
      }
    }
  }

  private void forgetOld() {
    Instant limit = clock.instant().minus(KEPT);
    jobs.values().removeIf(job -> job.finished() != null && job.finished().isBefore(limit));
  }

  @PreDestroy
  void close() {
    worker.shutdownNow();
  }
}
