package taplever.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import taplever.catalog.StreamSelection;
import taplever.config.TapConfig;
import taplever.error.InterruptedSyncException;
import taplever.error.LeverApiException;
import taplever.http.LeverClient;
import taplever.http.TapRuntime;
import taplever.singer.SingerMessage;
import taplever.singer.SingerWriter;
import taplever.singer.TapState;
import taplever.streams.LeverStreams;
import taplever.streams.Quirk;
import taplever.streams.StreamSpec;

/**
 * Runs the selected streams. It groups each top-level stream with its selected children (a child
 * selected alone still walks its parent, emitting none of the parent's records), starts at the
 * group a previous run was syncing when it stopped, and never names a stream.
 */
public final class SyncEngine {
  private final TapConfig config;
  private final LeverClient client;
  private final SingerWriter writer;
  private final Clock clock;
  private final Cancellation cancellation;
  private final SyncStats stats;
  private final Logger log;

  public SyncEngine(TapConfig config, LeverClient client, SingerWriter writer, TapRuntime runtime,
      Cancellation cancellation, SyncStats stats) {
    this.config = config;
    this.client = client;
    this.writer = writer;
    this.clock = runtime.clock();
    this.log = runtime.log("tap-lever");
    this.cancellation = cancellation;
    this.stats = stats;
  }

  /** Returns the final state, which is also the last line written. */
  public TapState run(List<StreamSelection> selections, TapState input) {
    Instant syncStart = clock.instant();
    java.util.concurrent.ExecutorService prefetcher = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "tap-lever-prefetch");
      t.setDaemon(true);
      return t;
    });
    cancellation.onCancel(prefetcher::shutdownNow);
    try (ChildFanOut fanOut = new ChildFanOut(config.maxConcurrency())) {
      // A retry backoff or a rate-limit wait only ends early when its thread is interrupted.
      Thread main = Thread.currentThread();
      cancellation.onCancel(main::interrupt);
      cancellation.onCancel(fanOut::interruptAll);
      SyncContext ctx = new SyncContext(client, writer, fanOut, stats, clock, log, cancellation, input,
          prefetcher);
      ctx.emitState();
      List<Group> groups = rotate(groups(selections), input.currentlySyncing());
      try {
        for (Group group : groups) {
          cancellation.check();
          runGroup(ctx, group, syncStart);
        }
      } catch (RuntimeException e) {
        if (!cancellation.isCancelled()) {
          throw e;
        }
        // Whatever failed after a signal failed because of it. The state in hand covers exactly
        // what was written; repeat it as the last line so a pipeline keeping the final STATE
        // resumes from here.
        Thread.interrupted();
        // Child threads finishing a page could otherwise write records after this STATE.
        fanOut.close();
        ctx.emitState();
        throw e instanceof InterruptedSyncException ie ? ie : cancellation.interruption();
      }
      ctx.replaceState(ctx.state().syncing(Optional.empty()));
      ctx.emitState();
      return ctx.state();
    } finally {
      prefetcher.shutdownNow();
    }
  }

  private void runGroup(SyncContext ctx, Group group, Instant syncStart) {
    List<StreamSelection> members = group.members();
    for (StreamSelection s : members) {
      if (s.spec().has(Quirk.DEPRECATED)) {
        log.warn("{} is deprecated by Lever (since 2020); prefer the opportunity streams", s.name());
      }
      List<String> bookmarkProps = s.incremental() ? List.of(s.spec().cursor().get().key()) : List.of();
      writer.write(new SingerMessage.Schema(s.name(), s.schema(), s.spec().keyProperties(), bookmarkProps));
      stats.started(s.name());
    }
    ctx.replaceState(ctx.state().syncing(Optional.of(group.top().name())));
    WindowPlan plan = WindowPlan.of(group.top(), group.parent(), group.children(), ctx.state(),
        config.startDate(), syncStart, config.childLookback(), config.childFullRefresh());
    log.info("{}: syncing {}{}", group.top().name(), names(members),
        plan.start().map(s -> " from " + s + (plan.serverFilter() ? "" : " (full read, filtered here)"))
            .orElse(""));
    try {
      new ParentWalk(ctx, plan).run();
    } catch (LeverApiException e) {
      if (e.status() == 403 && group.top().has(Quirk.OPTIONAL_FEATURE)) {
        log.warn("{}: Lever refused it (403); the account may not have this add-on. Skipped.",
            group.top().name());
        return;
      }
      throw e;
    } finally {
      members.forEach(s -> stats.ended(s.name()));
    }
  }

  private static String names(List<StreamSelection> members) {
    return String.join(", ", members.stream().map(StreamSelection::name).toList());
  }

  record Group(StreamSpec top, Optional<StreamSelection> parent, List<StreamSelection> children) {
    List<StreamSelection> members() {
      List<StreamSelection> all = new ArrayList<>();
      parent.ifPresent(all::add);
      all.addAll(children);
      return all;
    }
  }

  static List<Group> groups(List<StreamSelection> selections) {
    List<Group> groups = new ArrayList<>();
    for (StreamSpec spec : LeverStreams.ALL) {
      if (spec.isChild()) {
        continue;
      }
      Optional<StreamSelection> parent = selections.stream()
          .filter(s -> s.name().equals(spec.name())).findFirst();
      List<StreamSelection> children = selections.stream()
          .filter(s -> s.spec().parent().map(p -> p.parent().equals(spec.name())).orElse(false))
          .toList();
      if (parent.isPresent() || !children.isEmpty()) {
        groups.add(new Group(spec, parent, children));
      }
    }
    return groups;
  }

  /** A rerun after an interruption starts where the last one was, as singer-python taps do. */
  static List<Group> rotate(List<Group> groups, Optional<String> current) {
    int at = current.map(name -> {
      for (int i = 0; i < groups.size(); i++) {
        if (groups.get(i).top().name().equals(name)) {
          return i;
        }
      }
      return 0;
    }).orElse(0);
    List<Group> out = new ArrayList<>(groups.subList(at, groups.size()));
    out.addAll(groups.subList(0, at));
    return out;
  }
}
