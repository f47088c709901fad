package taplever.sync;

import java.util.List;

/**
 * The per-parent child requests a parent page leads to, run on the fan-out pool and awaited
 * before the page's STATE: a page counts as delivered only when its children are.
 */
final class ChildWork {
  private final ChildFanOut pool;
  private final ChildReader reader;

  ChildWork(ChildFanOut pool, ChildReader reader) {
    this.pool = pool;
    this.reader = reader;
  }

  void readAll(ParentPage page, List<WalkTargets.Target> perParent, SyncStats.Reason reason) {
    if (page.parents().isEmpty()) {
      return;
    }
    ChildFanOut.Batch batch = pool.batch();
    for (ParentPage.ParentRef parent : page.parents()) {
      for (int i = parent.wanted().nextSetBit(0); i >= 0; i = parent.wanted().nextSetBit(i + 1)) {
        StreamShaper child = perParent.get(i).shaper();
        batch.submit(() -> reader.read(child, parent.id(), reason));
      }
    }
    batch.await();
  }
}
