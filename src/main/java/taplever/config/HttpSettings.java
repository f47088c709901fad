package taplever.config;

import java.time.Duration;

/**
 * How the tap talks to Lever: {@code http.LeverHttp} builds the run's client from these alone.
 *
 * @param maxConcurrency also the engine's ({@link EngineSettings#maxConcurrency}): the client
 *     keeps that many connections so no child request waits for one
 */
public record HttpSettings(
    String baseUrl,
    String userAgent,
    int pageSize,
    int maxConcurrency,
    double requestsPerSecond,
    int burst,
    Duration maxRetry,
    Duration connectTimeout,
    Duration readTimeout) {}
