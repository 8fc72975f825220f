// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "kpi/csv/encoding.hpp"

namespace kpi::csv {

/// The outcome of decoding one chunk of input.
struct DecodeStep {
  std::size_t consumed = 0;  ///< input bytes turned into output; the rest must be offered again
  std::size_t produced = 0;  ///< UTF-8 bytes written
  bool invalid = false;      ///< the bytes at `consumed` are not valid in the encoding
  bool truncated = false;    ///< …because the input ends inside a character
  bool output_full = false;  ///< stopped for want of room: offer the rest with more
};

/// Turns bytes in some encoding into UTF-8, one chunk at a time. A character cut by the end of
/// a chunk is left unconsumed, to be completed by the next chunk.
class Decoder {
 public:
  /// The most UTF-8 one character of any encoding becomes; room for fewer bytes may take no
  /// character at all.
  static constexpr std::size_t kMaxCharacterBytes = 4;

  virtual ~Decoder() = default;
  /// Writes the UTF-8 for a prefix of `input` into `output`, whole characters only, and stops
  /// when the next character does not fit. With `at_end`, a trailing partial character is
  /// reported as invalid instead of being left for later. Writing into the caller's memory
  /// (the line splitter's block) costs no copy and no zero-filled string.
  virtual DecodeStep decode(std::string_view input, bool at_end, std::span<char> output) = 0;

  /// The same, appending to `output` and growing it until `input` is decoded or a problem is
  /// met: for whole samples and tests, where convenience beats the copy.
  DecodeStep decode_appending(std::string_view input, bool at_end, std::string& output);
};

/// A decoder for `encoding`: UTF-8 is validated and copied; GB18030 goes through a table of
/// its two-byte characters and iconv for the rest; everything else goes through iconv.
/// Throws kpi::Error (code "usage.encoding") when iconv does not know the encoding.
std::unique_ptr<Decoder> make_decoder(const Encoding& encoding);

/// Whether an --encoding or `encoding` value names an encoding that can be read.
bool is_known_encoding(std::string_view name);

}  // namespace kpi::csv
