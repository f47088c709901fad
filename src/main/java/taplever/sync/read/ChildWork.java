package taplever.sync.read;

import java.util.Optional;
import taplever.sync.out.SyncStats;
import taplever.sync.records.StreamShaper;

/**
 * The requests a parent page leads to (each parent's per-parent children, and the shared records
 * parents held only by id), run on the fan-out pool and awaited before the page's STATE: a page
 * counts as delivered only when its children are.
 */
public final class ChildWork {
  private final ChildFanOut pool;
  private final ChildReader reader;

  public ChildWork(ChildFanOut pool, ChildReader reader) {
    this.pool = pool;
    this.reader = reader;
  }

  void readAll(ParentPage page, WalkTargets targets, SyncStats.Reason reason) {
    if (page.parents().isEmpty() && page.shared().isEmpty()) {
      return;
    }
    ChildFanOut.Batch batch = pool.batch();
    for (ParentPage.ParentRef parent : page.parents()) {
      for (int i = parent.wanted().nextSetBit(0); i >= 0; i = parent.wanted().nextSetBit(i + 1)) {
        StreamShaper child = targets.perParent().get(i).shaper();
        batch.submit(() -> reader.read(child,
            ReadRequest.ofParent(child.selection().spec(), parent.id()).build(),
            Optional.of(parent.id()), reason));
      }
    }
    for (ParentPage.SharedRef ref : page.shared()) {
      StreamShaper child = targets.inline().get(ref.inlineAt()).shaper();
      ReadRequest.byId(child.selection().spec(), ref.id()).ifPresent(request -> batch.submit(
          () -> reader.read(child, request.build(), Optional.empty(), reason)));
    }
    batch.await();
  }
}
