package cairn.web;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How browsers reach Cairn: its public origin ({@code cairn.web.base-url}) and whether that is
 * HTTPS ({@code cairn.web.secure-cookies}). The one answer to "what is our own address" for the
 * bookmarklets, invitation links and the {@code Origin} check; never taken from the request's
 * {@code Host} or {@code X-Forwarded-*} headers, which whoever sends the request chooses.
 *
 * <p>Created with the context, so that a bad address stops the start instead of the first page.
 */
@Context
final class PublicSite {
  private static final Logger LOG = LoggerFactory.getLogger(PublicSite.class);

  @Nullable private final WebOrigin configured;
  private final BeanProvider<EmbeddedServer> server;
  private final boolean secure;
  private volatile WebOrigin origin;

  PublicSite(WebConfiguration config, BeanProvider<EmbeddedServer> server) {
    try {
      this.configured = config.baseUrl() == null ? null : WebOrigin.ofBaseUrl(config.baseUrl());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage());
    }
    this.server = server;
    this.secure = config.secureCookies();
  }

  /** The origin pages are served from, e.g. {@code https://cairn.example.org}. */
  WebOrigin origin() {
    WebOrigin known = origin;
    if (known == null) {
      // Unconfigured, Cairn is what its own machine sees: localhost, on the port it listens on
      // (which is only known once it listens: tests ask for any free port).
      known = configured != null ? configured : WebOrigin.of("http", "localhost", port());
      origin = known;
    }
    return known;
  }

  /** The origin as a URL prefix without a trailing slash, for links that leave the page. */
  String base() {
    return origin().toString();
  }

  boolean isOwn(String originHeader) {
    return WebOrigin.ofHeader(originHeader).map(origin()::equals).orElse(false);
  }

  /** Served over HTTPS: cookies are marked Secure and browsers are told to stay on HTTPS. */
  boolean secure() {
    return secure;
  }

  @EventListener
  void started(ServerStartupEvent event) {
    if (configured == null) {
      LOG.info(
          "Pages, bookmarklets and forms use {}; set cairn.web.base-url (CAIRN_WEB_BASE_URL)"
              + " when browsers reach Cairn at another address",
          base());
    } else {
      LOG.info("Public address: {}", base());
    }
  }

  private int port() {
    return server.get().getPort();
  }
}
