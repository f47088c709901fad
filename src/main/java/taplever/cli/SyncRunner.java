package taplever.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import taplever.catalog.StreamSelection;
import taplever.config.ConfigFileWriter;
import taplever.config.Credentials;
import taplever.config.TapConfig;
import taplever.http.LeverClient;
import taplever.http.LeverHttp;
import taplever.http.TapRuntime;
import taplever.http.TokenStore;
import taplever.singer.SingerWriter;
import taplever.singer.TapState;
import taplever.sync.Cancellation;
import taplever.sync.MetricsObserver;
import taplever.sync.ProgressReporter;
import taplever.sync.PersonalData;
import taplever.sync.SyncEngine;
import taplever.sync.SyncSettings;
import taplever.sync.SyncStats;

/** Wires one sync: the HTTP client, signal handling, progress, the engine. */
final class SyncRunner {
  private final TapConfig config;
  private final ObjectMapper mapper;
  private final TapRuntime runtime;

  SyncRunner(TapConfig config, ObjectMapper mapper, TapRuntime runtime) {
    this.config = config;
    this.mapper = mapper;
    this.runtime = runtime;
  }

  void run(List<StreamSelection> selections, TapState input, SingerWriter writer) {
    TokenStore store = TokenStore.NONE;
    if (config.credentials() instanceof Credentials.OAuth && config.source().isPresent()) {
      ConfigFileWriter file = new ConfigFileWriter(config.source().get());
      // A read-only config would lose the rotated refresh token: fail before spending the old one.
      file.checkWritable();
      store = file::saveRefreshToken;
    }
    SyncStats stats = new SyncStats(runtime.nanoTime());
    MetricsObserver metrics = new MetricsObserver(stats, runtime.log("tap-lever.metrics"));
    LeverClient client = LeverHttp.create(config, store, metrics, runtime);
    Cancellation cancellation = new Cancellation();
    cancellation.onCancel(client::cancelAll);
    SignalTrap signals = SignalTrap.install(cancellation);
    try (ProgressReporter progress = new ProgressReporter(stats, Duration.ofSeconds(10),
        runtime.log("tap-lever.progress"))) {
      try {
        SyncSettings settings = new SyncSettings(config.startDate(), config.childLookback(),
            config.childFullRefresh(), config.maxConcurrency(), true, PersonalData.KEEP);
        new SyncEngine(settings, client, writer, runtime, cancellation, stats)
            .run(selections, input);
      } finally {
        metrics.logRecordCounts();
        progress.summary();
      }
    } finally {
      signals.restore();
      client.close();
    }
  }
}
