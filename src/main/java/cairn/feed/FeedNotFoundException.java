package cairn.feed;

import cairn.input.NotFoundException;

/**
 * No feed at this address: also what a wrong secret, or the secret of another user, gets, so that
 * the answer never tells whether the user exists.
 */
public class FeedNotFoundException extends NotFoundException {
  public FeedNotFoundException() {
    super("no such feed");
  }
}
