package taplever.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import okhttp3.OkHttpClient;
import taplever.catalog.StreamSelection;
import taplever.config.ConfigFileWriter;
import taplever.config.Credentials;
import taplever.config.TapConfig;
import taplever.http.LeverClient;
import taplever.http.LeverHttp;
import taplever.http.Sleeper;
import taplever.http.TokenStore;
import taplever.singer.SingerWriter;
import taplever.singer.TapState;
import taplever.sync.Cancellation;
import taplever.sync.MetricsObserver;
import taplever.sync.ProgressReporter;
import taplever.sync.SyncEngine;
import taplever.sync.SyncStats;

/** Wires one sync: the HTTP client, signal handling, progress, the engine. */
final class SyncRunner {
  private final TapConfig config;
  private final ObjectMapper mapper;

  SyncRunner(TapConfig config, ObjectMapper mapper) {
    this.config = config;
    this.mapper = mapper;
  }

  void run(List<StreamSelection> selections, TapState input, SingerWriter writer) {
    TokenStore store = TokenStore.NONE;
    if (config.credentials() instanceof Credentials.OAuth && config.source().isPresent()) {
      ConfigFileWriter file = new ConfigFileWriter(config.source().get());
      // A read-only config would lose the rotated refresh token: fail before spending the old one.
      file.checkWritable();
      store = file::saveRefreshToken;
    }
    SyncStats stats = new SyncStats(System::nanoTime);
    OkHttpClient http = LeverHttp.client(config, store, new MetricsObserver(stats), Sleeper.SYSTEM,
        Clock.systemUTC(), new Random());
    LeverClient client = new LeverClient(http, config.baseUrl(), config.pageSize(), mapper,
        config.credentials().mode());
    Cancellation cancellation = new Cancellation();
    cancellation.onCancel(() -> http.dispatcher().cancelAll());
    SignalTrap signals = SignalTrap.install(cancellation);
    try (ProgressReporter progress = new ProgressReporter(stats, Duration.ofSeconds(10))) {
      try {
        new SyncEngine(config, client, writer, Clock.systemUTC(), cancellation, stats)
            .run(selections, input);
      } finally {
        MetricsObserver.logRecordCounts(stats);
        progress.summary();
      }
    } finally {
      signals.restore();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
