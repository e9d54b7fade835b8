package cairn.bench;

/**
 * A vocabulary of distinct pronounceable lower-case words ("kaso", "temuri"), word {@code i} being
 * the bijective base-75 spelling of {@code i} in consonant-vowel syllables: unique by construction,
 * short for frequent ranks as in real language, and a single token to every analyzer.
 */
final class Words {
  private static final String CONSONANTS = "bdfghklmnprstvz";
  private static final String VOWELS = "aeiou";
  private static final int SYLLABLES = CONSONANTS.length() * VOWELS.length();

  private final String[] words;

  Words(int n) {
    words = new String[n];
    for (int i = 0; i < n; i++) {
      words[i] = spell(i);
    }
  }

  String get(int rank) {
    return words[rank];
  }

  int size() {
    return words.length;
  }

  /**
   * The words in another order, {@code rank -> words[(rank * step + shift) mod n]}, so that tag
   * names and hosts are words too without the most frequent tag being the most frequent word.
   */
  String[] permuted(int n, int step, int shift) {
    if (n > words.length) {
      throw new IllegalArgumentException("only " + words.length + " words");
    }
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = words[(int) (((long) i * step + shift) % words.length)];
    }
    return out;
  }

  private static String spell(int i) {
    StringBuilder word = new StringBuilder();
    // bijective numeration: every syllable count is used, no two ranks share a spelling
    long rest = i + 1L;
    while (rest > 0) {
      int digit = (int) ((rest - 1) % SYLLABLES);
      word.append(CONSONANTS.charAt(digit / VOWELS.length()))
          .append(VOWELS.charAt(digit % VOWELS.length()));
      rest = (rest - 1) / SYLLABLES;
    }
    if (word.length() == 2) {
      // two-letter words would be the most frequent of all; give them a closing consonant
      word.append(CONSONANTS.charAt(i % CONSONANTS.length()));
    }
    return word.toString();
  }
}
