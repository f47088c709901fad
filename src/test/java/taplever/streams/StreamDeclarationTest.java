package taplever.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A declaration that cannot work fails when the registry loads, saying what is wrong. */
class StreamDeclarationTest {
  private static final StreamDeclaration.ParentStream PARENT = new StreamDeclaration.ParentStream(
      "opportunities", "/opportunities/{id}/", "opportunityId", "updatedAt");

  private static String refusal(StreamDeclaration declaration) {
    return assertThrows(IllegalStateException.class, declaration::build).getMessage();
  }

  @Test
  void aChildTakesNoListParameterProjectionOrRecordsPath() {
    String expected = "offers: only lists take parameters, cursors, a projection and a records path";
    assertEquals(expected, refusal(StreamDeclaration.perParent("offers", PARENT, "offers")
        .param("limit", "1").scope("offers:read:admin")));
    assertEquals(expected, refusal(StreamDeclaration.perParent("offers", PARENT, "offers")
        .askForFieldsWith("include").scope("offers:read:admin")));
    assertEquals(expected, refusal(StreamDeclaration.perParent("offers", PARENT, "offers")
        .recordsAt("data", "offers").scope("offers:read:admin")));
  }

  @Test
  void onlyPerParentRequestsCanBeEditedSilently() {
    assertEquals("tags: only per-parent requests can be edited silently",
        refusal(StreamDeclaration.fromArray("tags", PARENT, "tags").silentEdits()
            .scope("opportunities:read:admin")));
  }

  @Test
  void plainValuesBelongToRowsMadeFromAnArray() {
    assertEquals("users: only rows made from an array hold plain values",
        refusal(StreamDeclaration.list("users", "/users").values("userId")
            .scope("users:read:admin")));
  }

  @Test
  void onlyAChildCanBeSharedByItsParents() {
    assertEquals("users: only a child can be shared by its parents",
        refusal(StreamDeclaration.list("users", "/users").sharedByParents()
            .scope("users:read:admin")));
  }

  @Test
  void everyStreamNeedsAScope() {
    assertEquals("users needs a scope", refusal(StreamDeclaration.list("users", "/users")));
  }

  @Test
  void theRegistryLoadsAndNoTwoStreamsShareAName() {
    assertEquals(LeverStreams.ALL.size(), LeverStreams.BY_NAME.size());
  }
}
