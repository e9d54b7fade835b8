package cairn.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of the pages ({@code cairn.web.*}).
 *
 * @param secureCookies mark cookies Secure; turn on when Cairn is served over HTTPS
 */
@ConfigurationProperties("cairn.web")
record WebConfiguration(@Bindable(defaultValue = "false") boolean secureCookies) {}
