package taplever.singer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import taplever.error.TargetGoneException;

class SingerWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aClosedStdoutStopsTheSyncInsteadOfBeingIgnored() {
    OutputStream closed = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }
    };
    SingerWriter writer = new SingerWriter(closed, JSON);
    java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
    writer.onGone(told::incrementAndGet);

    // Every write goes out at once, so the first one after the target died fails.
    assertThrows(TargetGoneException.class,
        () -> writer.write(new SingerMessage.State(JSON.createObjectNode())));
    assertThrows(TargetGoneException.class, writer::flush);
    assertThrows(TargetGoneException.class, () -> writer.write(new SingerMessage.State(JSON.createObjectNode())));
    assertEquals(1, told.get(), "the engine hears of it once");
  }

  @Test
  void aStdoutThatReportsTheBrokenPipeItselfStillStopsTheSync() {
    OutputStream checked = new OutputStream() {
      @Override
      public void write(int b) {
        throw new TargetGoneException("stdout is closed", null);
      }
    };
    SingerWriter writer = new SingerWriter(checked, JSON);
    java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
    writer.onGone(told::incrementAndGet);

    assertThrows(TargetGoneException.class,
        () -> writer.write(new SingerMessage.State(JSON.createObjectNode())));
    assertEquals(1, told.get());
    assertTrue(writer.isGone());
  }

  @Test
  void concurrentWritersNeverInterleaveOrSplitLines() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SingerWriter writer = new SingerWriter(out, JSON);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      int thread = t;
      pool.submit(() -> {
        for (int i = 0; i < 500; i++) {
          writer.write(new SingerMessage.Record("s", JSON.createObjectNode().put("id", thread + "-" + i)
              .put("text", "x".repeat(300) + "ü"), Instant.EPOCH));
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.SECONDS);
    writer.close();

    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(4000, lines.size());
    for (String line : lines) {
      assertEquals("RECORD", JSON.readTree(line).get("type").asText());
    }
  }

  @Test
  void recordsCarryTimeExtractedInRfc3339Utc() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SingerWriter writer = new SingerWriter(out, JSON)) {
      writer.write(new SingerMessage.Record("s", JSON.createObjectNode(), Instant.ofEpochMilli(1)));
    }
    assertEquals("1970-01-01T00:00:00.001Z", JSON.readTree(out.toByteArray()).get("time_extracted").asText());
  }
}
