package taplever.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import taplever.catalog.StreamSelection;
import taplever.config.EngineSettings;
import taplever.config.PiiPolicy;
import taplever.error.LeverApiException;
import taplever.http.LeverJson;
import taplever.http.PageSource;
import taplever.runtime.Cancellation;
import taplever.runtime.DaemonThreads;
import taplever.runtime.TapRuntime;
import taplever.singer.DateTimes;
import taplever.singer.SingerMessage;
import taplever.singer.TapState;
import taplever.streams.Access;
import taplever.streams.LeverStreams;
import taplever.streams.StreamSpec;
import taplever.sync.out.NotDelivered;
import taplever.sync.out.Output;
import taplever.sync.out.StateKeeper;
import taplever.sync.out.SyncStats;
import taplever.sync.plan.RefreshPlan;
import taplever.sync.plan.WindowPlan;
import taplever.sync.read.ChildFanOut;
import taplever.sync.read.ChildReader;
import taplever.sync.read.ChildWork;
import taplever.sync.read.DefinitionsReader;
import taplever.sync.read.ListReader;
import taplever.sync.read.PageWalk;
import taplever.sync.read.ParentWalk;
import taplever.sync.read.RefreshWalk;
import taplever.sync.read.RefusalPolicy;
import taplever.sync.records.FieldDefinitions;
import taplever.sync.records.PersonalData;
import taplever.sync.records.StreamShaper;

/**
 * Runs the selected streams. It groups each top-level stream with its selected children (a child
 * selected alone still walks its parent, emitting none of the parent's records), starts at the
 * group a previous run was syncing when it stopped, and never names a stream.
 */
public final class SyncEngine {
  private final EngineSettings settings;
  private final PersonalData personal;
  private final PageSource source;
  private final taplever.singer.SingerWriter writer;
  private final Clock clock;
  private final Cancellation cancellation;
  private final SyncStats stats;
  private final Logger log;
  private final ObjectMapper json = LeverJson.pages();

  /** @param pii the config's {@code pii}, its fields already checked against the schemas */
  public SyncEngine(EngineSettings settings, PiiPolicy pii, PageSource source,
      taplever.singer.SingerWriter writer, TapRuntime runtime, Cancellation cancellation,
      SyncStats stats) {
    this.settings = settings;
    this.personal = PersonalData.of(pii);
    this.source = source;
    this.writer = writer;
    this.clock = runtime.clock();
    this.cancellation = cancellation;
    this.stats = stats;
    this.log = runtime.log("tap-lever");
  }

  /** Lever's field definitions the shapers type values by; a stop here ends the run as anywhere. */
  private FieldDefinitions definitions(List<StreamSelection> selections) {
    try {
      return new DefinitionsReader(new PageWalk(source, Optional.empty(), cancellation, log), log)
          .read(selections);
    } catch (RuntimeException e) {
      if (!cancellation.isCancelled()) {
        throw e;
      }
      Thread.interrupted();
      throw cancellation.interruption(); // the input state, written first, is the last line
    }
  }

  /** Returns the final state, which is also the last line written. */
  public TapState run(List<StreamSelection> selections, TapState input) {
    Instant syncStart = clock.instant();
    writer.onGone(cancellation::targetGone);
    // A retry backoff or a rate-limit wait only ends early when its thread is interrupted.
    Thread main = Thread.currentThread();
    cancellation.onCancel(main::interrupt);
    // The input state first, so that a run stopped before its first page still ends on a STATE.
    writer.writeState(new SingerMessage.State(input.toJson()));
    FieldDefinitions definitions = definitions(selections);
    List<StreamShaper> shaperList = new ArrayList<>();
    Map<String, StreamShaper> shapers = new LinkedHashMap<>();
    for (StreamSelection s : selections) {
      StreamShaper shaper = new StreamShaper(s, shaperList.size(), json,
          settings.unknownFields(), personal, definitions,
          m -> log.warn("{}", m));
      shaperList.add(shaper);
      shapers.put(s.name(), shaper);
    }
    Output out = new Output(writer, shaperList);
    StateKeeper state = new StateKeeper(out, input);
    ExecutorService prefetch = Executors.newSingleThreadExecutor(
        new DaemonThreads("tap-lever-prefetch"));
    cancellation.onCancel(prefetch::shutdownNow);
    try (ChildFanOut fanOut = new ChildFanOut(settings.maxConcurrency())) {
      cancellation.onCancel(fanOut::interruptAll);
      ListReader lists = new ListReader(new PageWalk(source, Optional.of(prefetch), cancellation,
          log), json, clock, shaperList.size());
      ChildWork children = new ChildWork(fanOut, new ChildReader(new PageWalk(source,
          Optional.empty(), cancellation, log), out, stats, clock, json, log));
      ParentWalk walk = new ParentWalk(lists, children, out, state, shapers, stats, log);
      RefreshWalk refresh = new RefreshWalk(lists, children, state, shapers, log);
      List<Group> groups = rotate(groups(selections), input.currentlySyncing());
      try {
        for (Group group : groups) {
          cancellation.check();
          runGroup(group, shapers, out, state, walk, refresh, syncStart);
        }
      } catch (RuntimeException e) {
        if (!cancellation.isCancelled()) {
          throw e;
        }
        Thread.interrupted();
        // Child threads finishing a page could otherwise write records after the STATE.
        fanOut.close();
        if (!cancellation.bySignal()) {
          throw cancellation.interruption(); // stdout is gone: nothing more can be written
        }
        // Whatever failed after a signal failed because of it. The state in hand covers exactly
        // what was written; repeat it as the last line so a pipeline keeping the final STATE
        // resumes from here.
        state.emit();
        throw cancellation.interruption();
      }
      state.syncing(Optional.empty());
      state.emit();
      return state.state();
    } finally {
      prefetch.shutdownNow();
      shaperList.forEach(s -> s.learnedFields().forEach(stats::learned));
      NotDelivered.warn(stats, log);
    }
  }

  private void runGroup(Group group, Map<String, StreamShaper> shapers, Output out,
      StateKeeper state, ParentWalk walk, RefreshWalk refresh, Instant syncStart) {
    List<StreamSelection> members = group.members();
    for (StreamSelection s : members) {
      if (s.spec().deprecated()) {
        log.warn("{} is deprecated by Lever (since 2020); prefer the opportunity streams", s.name());
      }
      out.schema(shapers.get(s.name()));
      stats.started(s.name());
    }
    state.syncing(Optional.of(group.top().name()));
    boolean rolling = switch (settings.childRefresh()) {
      case ROLLING -> true;
      case PERIODIC -> false;
    };
    WindowPlan plan = WindowPlan.of(group.top(), group.parent(), group.children(), state.state(),
        new WindowPlan.Settings(settings.startDate(), syncStart, settings.childLookback(),
            settings.childFullRefresh(), rolling));
    RefreshPlan refreshPlan = RefreshPlan.of(plan, state.state(), settings.startDate(), syncStart,
        settings.childFullRefresh(), rolling);
    plan.notices().forEach(log::warn);
    log.info("{}: syncing {}{}", group.top().name(), names(members),
        plan.start().map(s -> " from " + DateTimes.format(s)
            + (plan.serverFilter() ? "" : " (full read, filtered here)")).orElse(""));
    try {
      long archived = walk.run(plan);
      refresh.run(plan, refreshPlan, archived, settings.startDate(), syncStart,
          settings.childFullRefresh());
    } catch (LeverApiException e) {
      RefusalPolicy.skipOrThrow(group.top(), group.top().label(), e, Access.Purpose.LIST,
          log::warn);
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
          .filter(s -> s.spec().parent().equals(Optional.of(spec.name())))
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
