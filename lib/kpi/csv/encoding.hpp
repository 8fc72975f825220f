// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kpi::csv {

/// The character encoding a file is read in, and how it was decided.
struct Encoding {
  std::string name;            ///< iconv name: "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", …
  std::size_t bom_length = 0;  ///< bytes of byte-order mark at the start of the file
  bool detected = false;       ///< false when the user named it with --encoding

  bool is_utf8() const { return name == "UTF-8"; }
  /// For people: "UTF-8 with BOM", "GB18030", "UTF-16LE with BOM".
  std::string describe() const;
};

/// Decides the encoding of a file from its first bytes, in this order: a byte-order mark
/// (UTF-8, UTF-16LE, UTF-16BE); UTF-16 without a mark, from the zero bytes of ASCII text;
/// strict UTF-8; otherwise GB18030, which is what Chinese Excel writes (a superset of GBK and
/// GB2312). `complete` says whether `sample` is the whole file, so that a multi-byte character
/// cut at the end of a partial sample does not count against UTF-8.
Encoding detect_encoding(std::string_view sample, bool complete);

/// The encoding the user asked for with --encoding. Common spellings are folded ("utf8",
/// "GBK", "cp936" → GB18030); any other name is passed to iconv as it is. A byte-order mark
/// that matches the named encoding is still skipped.
Encoding named_encoding(std::string_view requested, std::string_view sample);

}  // namespace kpi::csv
