package taplever.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class CredentialScopeTest {

  private static boolean allows(String call, String hop) {
    return CredentialScope.allows(HttpUrl.get(call), HttpUrl.get(hop));
  }

  @Test
  void theCallsOwnOriginIsAllowed() {
    assertTrue(allows("https://api.lever.co/v1/a", "https://api.lever.co/v1/b?x=1"));
    assertTrue(allows("http://127.0.0.1:8080/v1/a", "http://127.0.0.1:8080/v2"));
  }

  @Test
  void oneLeverHostToAnotherIsAllowedOverHttps() {
    assertTrue(allows("https://api.lever.co/v1/a", "https://api.eu.lever.co/v1/a"));
    assertFalse(allows("https://api.lever.co/v1/a", "http://api.eu.lever.co/v1/a"));
  }

  @Test
  void anyOtherHostPortOrSchemeIsRefused() {
    assertFalse(allows("https://api.lever.co/v1/a", "https://evil.example/v1/a"));
    assertFalse(allows("https://api.lever.co/v1/a", "https://notlever.co/v1/a"));
    assertFalse(allows("https://api.lever.co/v1/a", "https://lever.co.evil.example/v1/a"));
    assertFalse(allows("http://127.0.0.1:8080/v1/a", "http://127.0.0.1:8081/v1/a"));
    assertFalse(allows("https://127.0.0.1:8080/v1/a", "http://127.0.0.1:8080/v1/a"));
  }
}
