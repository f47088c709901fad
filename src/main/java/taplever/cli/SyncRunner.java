package taplever.cli;

import java.time.Duration;
import java.util.List;
import taplever.catalog.StreamSelection;
import taplever.config.ConfigFileWriter;
import taplever.config.Credentials;
import taplever.config.FileWrites;
import taplever.config.TapConfig;
import taplever.http.LeverClient;
import taplever.http.LeverHttp;
import taplever.http.oauth.TokenStore;
import taplever.runtime.Cancellation;
import taplever.runtime.TapRuntime;
import taplever.singer.SingerWriter;
import taplever.singer.TapState;
import taplever.sync.SyncEngine;
import taplever.sync.out.MetricsObserver;
import taplever.sync.out.ProgressReporter;
import taplever.sync.out.SyncStats;

/** Wires one sync: the HTTP client, signal handling, progress, the engine. */
public final class SyncRunner {
  private final TapConfig config;
  private final TapRuntime runtime;
  private final FileWrites files;

  SyncRunner(TapConfig config, TapRuntime runtime, FileWrites files) {
    this.config = config;
    this.runtime = runtime;
    this.files = files;
  }

  /**
   * Where a rotated OAuth refresh token goes: back into the config file. A config that cannot
   * take it (read-only, a full disk) would lose it, so this fails before the old one is spent,
   * and the store checks again before every later refresh.
   */
  public static TokenStore tokenStore(TapConfig config, FileWrites files) {
    if (!(config.credentials() instanceof Credentials.OAuth) || config.source().isEmpty()) {
      return TokenStore.NONE;
    }
    ConfigFileWriter file = new ConfigFileWriter(config.source().get(), files);
    file.checkWritable();
    return TokenStore.of(file::saveRefreshToken, file::checkWritable);
  }

  void run(List<StreamSelection> selections, TapState input, SingerWriter writer) {
    TokenStore store = tokenStore(config, files);
    SyncStats stats = new SyncStats(runtime.nanoTime());
    MetricsObserver metrics = new MetricsObserver(stats, runtime.log("tap-lever.metrics"));
    LeverClient client = LeverHttp.create(config, store, metrics, runtime);
    Cancellation cancellation = new Cancellation();
    cancellation.onCancel(client::cancelAll);
    SignalTrap signals = SignalTrap.install(cancellation);
    try (ProgressReporter progress = new ProgressReporter(stats, Duration.ofSeconds(10),
        runtime.log("tap-lever.progress"))) {
      try {
        new SyncEngine(config.engine(), config.pii(), client, writer, runtime, cancellation,
            stats).run(selections, input);
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
