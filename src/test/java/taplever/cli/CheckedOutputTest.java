package taplever.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import taplever.error.TargetGoneException;

class CheckedOutputTest {
  @Test
  void passesBytesThroughAndKnowsOnceOutputStarted() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    CheckedOutput out = new CheckedOutput(sink);
    assertFalse(out.started());

    out.write(new byte[] {'h', 'i'}, 0, 2);
    out.flush();

    assertTrue(out.started());
    assertArrayEquals(new byte[] {'h', 'i'}, sink.toByteArray());
  }

  @Test
  void aFailedWriteIsATargetGoneAndEveryLaterWriteFailsWithoutTouchingTheStream() {
    AtomicInteger attempts = new AtomicInteger();
    CheckedOutput out = new CheckedOutput(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        attempts.incrementAndGet();
        throw new IOException("Broken pipe");
      }
    });

    TargetGoneException first = assertThrows(TargetGoneException.class,
        () -> out.write(new byte[] {1}, 0, 1));
    assertTrue(first.getMessage().startsWith("could not write to stdout (Broken pipe)"));
    assertThrows(TargetGoneException.class, () -> out.write(new byte[] {2}, 0, 1));
    assertThrows(TargetGoneException.class, out::flush);
    assertEquals(1, attempts.get());
  }
}
