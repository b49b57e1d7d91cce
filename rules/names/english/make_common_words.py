#!/usr/bin/env python3
"""Regenerates common-words.txt from SCOWL (Spell Checker Oriented Word Lists).

    apt-get install scowl       # Debian/Ubuntu: lists in /usr/share/dict/scowl
    python3 make_common_words.py [/usr/share/dict/scowl] > common-words.txt

Keeps the lower-case words of SCOWL sizes 10 and 20 (the most common English
words, American and British spellings). See SCOWL-LICENSE for the copyright.
"""
import pathlib
import sys

HEADER = """\
# Common English words (lower case), derived from SCOWL sizes 10 and 20.
# Copyright 2000-2011 by Kevin Atkinson; see SCOWL-LICENSE beside this file.
# Regenerate with make_common_words.py. Used by the names rules to tell an
# ordinary English word ("harsh") from a name."""


def main() -> None:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/scowl")
    words = set()
    for variety in ("english", "american", "british"):
        for size in (10, 20):
            path = root / f"{variety}-words.{size}"
            if not path.exists():
                continue
            for line in path.read_bytes().decode("utf-8", "replace").splitlines():
                word = line.strip()
                if word.isalpha() and word.isascii() and word.islower():
                    words.add(word)
    print(HEADER)
    for word in sorted(words):
        print(word)


if __name__ == "__main__":
    main()
