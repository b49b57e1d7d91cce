#!/usr/bin/env python3
"""Regenerates the word-frequency lexicons in this directory from wordfreq.

    python3 -m venv /tmp/wordfreq-venv
    /tmp/wordfreq-venv/bin/pip install wordfreq==3.1.1
    /tmp/wordfreq-venv/bin/python rules/lexicons/generate.py

For each source language it writes `<lang>.tsv`: the words that are common in
that language (Zipf frequency at least MIN_ZIPF[lang]) and clearly more common
there than in English, with their Zipf frequency in the language and in
English. The untranslated rules look a token up here to decide "common in the
source language, rare in English" without shipping a big English word list. `en.tsv` holds only the common
English words (Zipf >= ENGLISH_FLOOR), which tell plainly English tokens apart.

The data is CC BY-SA 4.0; see ATTRIBUTION.md and LICENSE beside this script.
"""
import math
import pathlib
import unicodedata
from importlib.metadata import version

import wordfreq

# Finnish inflects heavily and German compounds freely: their lists reach the
# same coverage of running text with a higher floor, which keeps files small.
MIN_ZIPF = {"sv": 3.0, "nb": 3.0, "da": 3.0, "nl": 3.0, "de": 3.2, "fi": 3.6}
# English words this common are plainly English wherever they occur.
ENGLISH_FLOOR = 3.5
# Words at most this much more common in the source than in English are
# ordinary English too (or web noise shared by every language): left out.
MIN_MARGIN = 1.0
NAMES = {
    "sv": "Swedish",
    "nb": "Norwegian (Bokmål)",
    "da": "Danish",
    "de": "German",
    "nl": "Dutch",
    "fi": "Finnish",
}


def zipf(freq: float) -> float:
    return math.log10(freq) + 9.0 if freq > 0 else 0.0


def is_latin_word(word: str) -> bool:
    return len(word) > 1 and all(
        c.isalpha() and "LATIN" in unicodedata.name(c, "") for c in word
    )


def main() -> None:
    out_dir = pathlib.Path(__file__).resolve().parent
    english = wordfreq.get_frequency_dict("en", "large")
    for lang, floor in MIN_ZIPF.items():
        wordlist = "large" if lang in wordfreq.available_languages("large") else "small"
        freqs = wordfreq.get_frequency_dict(lang, wordlist)
        rows = []
        for word, freq in freqs.items():
            z_src = round(zipf(freq), 1)
            z_en = round(zipf(english.get(word, 0.0)), 1)
            if z_src >= floor and is_latin_word(word) and z_src - z_en >= MIN_MARGIN:
                rows.append((word, z_src, z_en))
        rows.sort(key=lambda r: (-r[1], r[0]))
        lines = [
            f"# {NAMES[lang]} ({lang}) words with Zipf >= {floor} that are at least "
            f"{MIN_MARGIN} more common than in English.",
            f"# Derived from wordfreq {version('wordfreq')} ('{wordlist}' lists), "
            "CC BY-SA 4.0: see ATTRIBUTION.md and LICENSE.",
            "# Regenerate with generate.py. Columns: word, Zipf in "
            f"{lang}, Zipf in English (0 = not in the English list).",
        ]
        lines += [f"{w}\t{s:.1f}\t{e:.1f}" for w, s, e in rows]
        (out_dir / f"{lang}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{lang}: {len(rows)} words")
    common_english = sorted(
        (w for w, f in english.items() if zipf(f) >= ENGLISH_FLOOR and is_latin_word(w)),
        key=lambda w: (-english[w], w),
    )
    lines = [
        f"# English (en) words with Zipf >= {ENGLISH_FLOOR}: tokens that are plainly English.",
        f"# Derived from wordfreq {version('wordfreq')} ('large' list), "
        "CC BY-SA 4.0: see ATTRIBUTION.md and LICENSE.",
        "# Regenerate with generate.py. Columns: word, Zipf in English.",
    ]
    lines += [f"{w}\t{zipf(english[w]):.1f}" for w in common_english]
    (out_dir / "en.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"en: {len(common_english)} words")


if __name__ == "__main__":
    main()
