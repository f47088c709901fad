package taplever.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * An offer's current status, asked of the fake Lever between runs (the dataset has no single-offer
 * read, and regenerating every offer at 100,000 opportunities takes seconds). Asking Lever, not
 * the tap's output, keeps the month's edits the same whatever the tap under test delivered.
 * These requests fall outside every run's tally.
 */
final class OfferLookup {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String authorization;

  OfferLookup(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
  }

  Optional<String> status(String opportunityId, String offerId) {
    HttpRequest request = HttpRequest.newBuilder(
        URI.create(baseUrl + "/opportunities/" + opportunityId + "/offers?limit=100"))
        .header("Authorization", authorization).GET().build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("the fake answered " + response.statusCode()
            + " for the offers of " + opportunityId);
      }
      for (JsonNode offer : JSON.readTree(response.body()).path("data")) {
        if (offer.path("id").asText().equals(offerId)) {
          return Optional.ofNullable(offer.path("status").asText(null));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
