package taplever.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The benchmark reads the engine's split in whichever order the summary writes it. */
class ChildSplitTest {

  @Test
  void aSummaryWithoutTheSplitHasNone() {
    assertEquals(Optional.empty(), ChildSplit.from("summary:\n  stream records requests\n"
        + "  opportunity_offers 12 40\n"));
  }

  @Test
  void reasonsFollowedByTheirCountsAreRead() {
    assertEquals(Optional.of(new ChildSplit(1_204, 21_000, 3_333)), ChildSplit.from(
        "INFO tap-lever - child requests: changed 1,204, live 21,000, rolling refresh 3,333\n"));
  }

  @Test
  void countsFollowedByTheirReasonsAreRead() {
    assertEquals(Optional.of(new ChildSplit(7, 2_100, 330)), ChildSplit.from(
        "child requests: 7 for changed, 2,100 for live, 330 for rolling-refresh opportunities"));
  }

  @Test
  void aTableBelowItsHeadingIsRead() {
    assertEquals(Optional.of(new ChildSplit(5, 6, 7)), ChildSplit.from(
        "summary:\n  child requests by reason\n    changed   5\n    live      6\n"
            + "    rolling   7\n"));
  }
}
