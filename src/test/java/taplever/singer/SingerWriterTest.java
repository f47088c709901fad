package taplever.singer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
    assertThrows(TargetGoneException.class, writer::flush, "gone for good");
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
          byte[] line = record(JSON.createObjectNode().put("id", thread + "-" + i)
              .put("text", "x".repeat(300) + "ü"));
          writer.writeChunk(List.of(), line, 0, line.length);
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

  /** A RECORD line as the engine's page buffers hand it over: whole, with its newline. */
  private static byte[] record(JsonNode record) {
    ObjectNode line = JSON.createObjectNode().put("type", "RECORD").put("stream", "s");
    line.set("record", record);
    return (line + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
