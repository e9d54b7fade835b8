package cairn.support;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.internal.PlatformDependent;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples, while open, the most heap and the most Netty direct memory in use: a rough, generous
 * bound to show that an upload is not held whole (the figures include everything else the JVM does
 * meanwhile, so tests compare them with the file's size, never with a tight number).
 */
public final class MemoryWatch implements AutoCloseable {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong heap = new AtomicLong();
  private final AtomicLong direct = new AtomicLong();
  private final long heapBefore;
  private final Thread sampler;
  private volatile boolean open = true;

  public MemoryWatch() {
    System.gc();
    heapBefore = memory.getHeapMemoryUsage().getUsed();
    sampler = Thread.ofPlatform().daemon().name("memory-watch").start(this::sample);
  }

  private void sample() {
    while (open) {
      heap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      long netty =
          Math.max(
              PlatformDependent.usedDirectMemory(),
              PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory());
      direct.accumulateAndGet(netty, Math::max);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The most heap in use above what was in use at the start. */
  public long peakHeapGrowth() {
    return Math.max(0, heap.get() - heapBefore);
  }

  public long peakDirect() {
    return direct.get();
  }

  @Override
  public void close() throws InterruptedException {
    open = false;
    sampler.join();
  }

  @Override
  public String toString() {
    return "peak heap growth "
        + peakHeapGrowth() / (1024 * 1024)
        + " MB, peak Netty direct memory "
        + peakDirect() / (1024 * 1024)
        + " MB";
  }
}
