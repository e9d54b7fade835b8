package cairn.web;

/** An error page: the status, a short title, and what went wrong. */
public record ErrorView(PageView page, int status, String message) {}
