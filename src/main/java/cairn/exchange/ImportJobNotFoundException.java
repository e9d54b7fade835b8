package cairn.exchange;

import cairn.input.NotFoundException;

/** No import job with this id for this user (it may be someone else's, or long finished). */
public class ImportJobNotFoundException extends NotFoundException {
  public ImportJobNotFoundException(String id) {
    super("no import '" + id + "'");
  }
}
