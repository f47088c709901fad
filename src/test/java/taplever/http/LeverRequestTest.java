package taplever.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeverRequestTest {

  @Test
  void keepsParameterOrderAndIsNotChangedByTheCallersMap() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    List<String> expand = new ArrayList<>(List.of("applications", "stage"));
    params.put("expand", expand);
    params.put("confidentiality", List.of("all"));
    LeverRequest request = new LeverRequest("/opportunities", "/opportunities", params);
    expand.add("owner");
    params.put("tag", List.of("x"));
    assertEquals(List.of("expand", "confidentiality"), List.copyOf(request.params().keySet()));
    assertEquals(List.of("applications", "stage"), request.params().get("expand"));
    assertThrows(UnsupportedOperationException.class, () -> request.params().put("a", List.of()));
  }
}
