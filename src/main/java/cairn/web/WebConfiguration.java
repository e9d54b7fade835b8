package cairn.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of the pages ({@code cairn.web.*}).
 *
 * @param baseUrl the address browsers reach Cairn at, e.g. {@code https://cairn.example.org}; by
 *     default {@code http://localhost:PORT} (see {@link PublicSite})
 * @param secureCookies mark cookies Secure and send HSTS; turn on when Cairn is served over HTTPS
 */
@ConfigurationProperties("cairn.web")
record WebConfiguration(
    @Nullable String baseUrl, @Bindable(defaultValue = "false") boolean secureCookies) {}
