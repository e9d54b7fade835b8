#!/bin/sh
# Keeps the timestamps of jte's generated sources that come out unchanged (see pom.xml).
# before: copies the last generated sources aside; after: gives each file whose content is the
# same as its copy the copy's timestamp back.
set -e
target="$2"
generated="$target/generated-sources/jte"
previous="$target/jte-previous"
case "$1" in
  before)
    rm -rf "$previous"
    if [ -d "$generated" ]; then cp -a "$generated" "$previous"; fi
    ;;
  after)
    if [ -d "$previous" ] && [ -d "$generated" ]; then
      (cd "$generated" && find . -type f) | while read -r f; do
        if cmp -s "$generated/$f" "$previous/$f"; then touch -r "$previous/$f" "$generated/$f"; fi
      done
    fi
    ;;
esac
