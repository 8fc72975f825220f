// SPDX-License-Identifier: MIT
// Which encoding a file's bytes are likely in, when the one it is read in does not fit: for the
// notes of `kpi inspect` and the advice of a decoding error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kpi::csv {

/// Whether non-ASCII bytes read as Chinese text in GB18030 (what detection falls back to): every
/// sequence valid, and most two-byte characters in the GB2312 area (both bytes 0xA1 or above)
/// where the common Chinese characters and punctuation are. cp1252 and Mac Roman text, whose
/// accented letters are followed by ASCII letters or spaces, fails one or the other. Bytes with
/// nothing above ASCII are plausible. A sequence cut by the end of an incomplete sample is not
/// held against it.
bool reads_as_chinese_gb18030(std::string_view bytes, bool complete);

/// An encoding the bytes read well in, with a word of them as it reads there (UTF-8).
struct EncodingGuess {
  std::string name;  ///< iconv name: "GB18030", "CP1252", "ISO-8859-1" or "MACINTOSH"
  std::string example;
};

/// The encodings, best first, in which the non-ASCII bytes of `bytes` read as text: GB18030 when
/// they read as Chinese; otherwise those of cp1252 (Windows Excel in Western Europe and the
/// Americas), Latin-1 and Mac Roman (Excel for Mac's "CSV (Macintosh)") in which accented
/// letters sit inside words with the right case, quotes and dashes between words, and no
/// control character or undefined byte appears. Empty when no encoding reads them convincingly
/// (too few non-ASCII bytes to tell, or damage rather than text). `except` (an encoding name
/// as in Encoding::name) is left out: the one that already failed.
std::vector<EncodingGuess> likely_encodings(std::string_view bytes, bool complete,
                                            std::string_view except = {});

/// For people: `CP1252 ("Häberlin") or ISO-8859-1`.
std::string describe_guesses(const std::vector<EncodingGuess>& guesses);

/// How to name the first guess: `--encoding CP1252 for kpi inspect, encoding = "CP1252" in
/// the library's source`.
std::string how_to_name_encoding(const EncodingGuess& guess);

}  // namespace kpi::csv
