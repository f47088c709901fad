package taplever.sync.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import taplever.error.LeverApiException;
import taplever.http.LeverRequest;
import taplever.singer.DateTimes;
import taplever.streams.Access;
import taplever.sync.out.Output;
import taplever.sync.out.SyncStats;
import taplever.sync.records.PageBuffer;
import taplever.sync.records.StreamShaper;

/**
 * Reads the records one parent leads to (a per-parent child list, or a shared record the parent
 * holds only the id of) through a {@link PageWalk} that fetches nothing ahead (most child lists
 * are one page); runs on fan-out threads, one walk per thread.
 */
public final class ChildReader {
  private final PageWalk walk;
  private final Output out;
  private final SyncStats stats;
  private final Clock clock;
  private final ObjectMapper json;
  private final Logger log;

  public ChildReader(PageWalk walk, Output out, SyncStats stats, Clock clock, ObjectMapper json,
      Logger log) {
    this.walk = walk;
    this.out = out;
    this.stats = stats;
    this.clock = clock;
    this.json = json;
    this.log = log;
  }

  /**
   * @param parentId the id the child's records get as their parent's, if they carry one
   * @param reason what the request is for, in the end-of-run summary
   */
  void read(StreamShaper child, LeverRequest request, Optional<String> parentId,
      SyncStats.Reason reason) {
    try {
      walk.run(request, Optional.empty(), () -> new ChildPageSink(child,
          new PageBuffer(json, DateTimes.format(clock.instant())), parentId),
          PageWalk.Ahead.AFTER_THE_HOOK, (page, resume) -> {
            stats.childRequest(reason);
            out.page(page.lines());
            stats.records(child.name(), page.recordCount());
            return true;
          });
    } catch (LeverApiException e) {
      stats.childRequest(reason);
      // A 404: the parent was deleted between its page and this request (or Lever's old empty-
      // resume quirk); nothing is lost, and the deleted stream records it.
      RefusalPolicy.skipOrThrow(child.selection().spec(), request.endpoint(), e,
          Access.Purpose.ONE_PARENT, log::warn);
      log.debug("{}: {} not found; skipped", child.name(), request.endpoint());
    }
  }
}
