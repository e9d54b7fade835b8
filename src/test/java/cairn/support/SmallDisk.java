package cairn.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small file system for disk-full tests: a tmpfs mounted on a directory (which needs root; tests
 * skip when it fails), and a way to fill it to the last block.
 */
public final class SmallDisk {
  private SmallDisk() {}

  /**
   * Mounts a tmpfs of {@code megabytes} on {@code dir}; false when this machine does not allow it.
   */
  public static boolean mount(Path dir, int megabytes) {
    return run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", dir.toString());
  }

  public static void unmount(Path dir) {
    run("umount", dir.toString());
  }

  /** Writes until the file system has no room left, not even for a small block. */
  public static void fill(Path filler) {
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(filler)) {
      for (int size = chunk.length; size >= 512; size /= 2) {
        try {
          for (int i = 0; i < 1000; i++) {
            out.write(chunk, 0, size);
            out.flush();
          }
        } catch (IOException e) {
          // full at this block size: try a smaller one
        }
      }
    } catch (IOException e) {
      // closing a file on a full disk may fail too; it is full either way
    }
  }

  private static boolean run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().transferTo(OutputStream.nullOutputStream());
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
