package taplever.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The offer edits Lever does not signal, and when the tap delivered each: an edit has arrived once
 * a run emits that offer with the new status.
 */
final class ArrivalLedger {
  /** An offer status changed on {@code day} without touching the opportunity's updatedAt. */
  record SilentEdit(String offerId, String opportunityId, String status, int day, boolean live) {}

  /** An edit and the day of the run that first emitted it. */
  record Arrival(SilentEdit edit, int day) {
    int daysToArrive() {
      return day - edit.day();
    }
  }

  private final Map<String, SilentEdit> pending = new HashMap<>();
  private final List<Arrival> arrived = new ArrayList<>();
  private int day;
  private long arrivedLiveToday;
  private long arrivedArchivedToday;

  /** Opens the run of {@code runDay}; records emitted from now on belong to it. */
  synchronized void startRun(int runDay) {
    day = runDay;
    arrivedLiveToday = 0;
    arrivedArchivedToday = 0;
  }

  /** One opportunity_offers record as the tap wrote it. */
  synchronized void offer(JsonNode record) {
    String id = record.path("id").asText();
    String status = record.path("status").asText(null);
    if (status == null) {
      return;
    }
    SilentEdit edit = pending.get(id);
    if (edit != null && edit.status().equals(status)) {
      pending.remove(id);
      arrived.add(new Arrival(edit, day));
      if (edit.live()) {
        arrivedLiveToday++;
      } else {
        arrivedArchivedToday++;
      }
    }
  }

  synchronized void edited(SilentEdit edit) {
    pending.put(edit.offerId(), edit);
  }

  synchronized long arrivedLiveToday() {
    return arrivedLiveToday;
  }

  synchronized long arrivedArchivedToday() {
    return arrivedArchivedToday;
  }

  synchronized List<Arrival> arrived() {
    return List.copyOf(arrived);
  }

  synchronized List<SilentEdit> pending() {
    return List.copyOf(pending.values());
  }
}
