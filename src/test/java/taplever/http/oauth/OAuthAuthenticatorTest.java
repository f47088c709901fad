package taplever.http.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import taplever.config.Credentials;
import taplever.config.Secret;
import taplever.http.FakeTime;

class OAuthAuthenticatorTest {
  private final MockWebServer server = new MockWebServer();
  private final FakeOAuthServer lever = new FakeOAuthServer();
  private final FakeTime time = new FakeTime();
  private OAuthSession session;
  private OAuthAuthenticator authenticator;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(lever);
    server.start();
    session = new OAuthSession(new Credentials.OAuth("c", Secret.of("s"), Secret.of("rt-0"),
        server.url("/oauth/token").toString()), new OkHttpClient(), TokenStore.NONE, time.clock(),
        time);
    authenticator = new OAuthAuthenticator(session);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Response response(int code, Request sent, Response prior) {
    Request user = new Request.Builder().url(sent.url()).build();
    Response network = new Response.Builder().request(sent).protocol(Protocol.HTTP_1_1).code(code)
        .message("x").build();
    return new Response.Builder().request(user).networkResponse(network).priorResponse(prior)
        .protocol(Protocol.HTTP_1_1).code(code).message("x").build();
  }

  private static Request sentWith(String authorization) {
    Request.Builder b = new Request.Builder().url("https://api.lever.co/v1/users");
    return authorization == null ? b.build() : b.header("Authorization", authorization).build();
  }

  @Test
  void refreshesTheRejectedTokenAndAsksForTheSameRequestAgain() {
    Secret current = session.accessToken();
    Response rejected = response(401, sentWith("Bearer " + current.reveal()), null);
    assertSame(rejected.request(), authenticator.authenticate(null, rejected));
    assertEquals(Secret.of("at-2"), session.accessToken());
  }

  @Test
  void aTokenAlreadyReplacedIsNotRefreshedAgain() {
    session.accessToken();
    session.refreshAfterRejection(Secret.of("at-1"));
    Response rejected = response(401, sentWith("Bearer at-1"), null);
    authenticator.authenticate(null, rejected);
    assertEquals(2, lever.tokenForms.size());
  }

  @Test
  void givesUpAfterA401AlreadyInThisCall() {
    Response first = response(401, sentWith("Bearer at-1"), null);
    Response second = response(401, sentWith("Bearer at-2"), first);
    assertNull(authenticator.authenticate(null, second));
    assertEquals(0, lever.tokenForms.size());
  }

  @Test
  void ignoresRequestsWithoutABearerAndOtherStatuses() {
    assertNull(authenticator.authenticate(null, response(401, sentWith(null), null)));
    assertNull(authenticator.authenticate(null, response(401, sentWith("Basic abc"), null)));
    assertNull(authenticator.authenticate(null, response(407, sentWith("Bearer at-1"), null)));
    assertEquals(0, lever.tokenForms.size());
  }
}
