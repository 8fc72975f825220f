// SPDX-License-Identifier: MIT
// Private to lib/kpi/csv: the decoded text that the line splitter reads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "kpi/csv/byte_input.hpp"
#include "kpi/csv/decoder.hpp"

namespace kpi::csv::detail {

/// A problem in the byte stream itself (bytes invalid in the encoding, a NUL byte). The text
/// handed to the line splitter ends where the problem is, so the problem is on the last line:
/// the reader reports it there.
class StreamFault {
 public:
  void set(std::string message) {
    message_ = std::move(message);
    set_ = true;
  }
  bool is_set() const { return set_; }
  const std::string& message() const { return message_; }

 private:
  bool set_ = false;
  std::string message_;
};

/// Feeds the line splitter with UTF-8: decodes the input chunk by chunk, drops the byte-order mark,
/// turns the bare CR line ends of old Mac exports into LF, and stops at the first invalid
/// byte sequence or NUL byte, reporting it through a StreamFault.
class DecodingByteSource {
 public:
  struct Settings {
    Encoding encoding;
    bool bare_cr_line_ends = false;
    std::uint64_t byte_offset = 0;  ///< of the input's first byte in the file, for messages
  };
  DecodingByteSource(std::unique_ptr<ByteInput> input, std::string first_bytes, Settings settings,
                     StreamFault& fault);

  /// The least `read` may be asked for: room for a few characters of any encoding.
  static constexpr int kMinReadBytes = 64;

  /// Fills `buffer` with up to `size` bytes (at least kMinReadBytes); 0 only at the end of the
  /// text.
  int read(char* buffer, int size);

 private:
  std::size_t read_directly(char* buffer, std::size_t size);
  // Decodes what is undecoded into `buffer`, straight into it; returns the bytes written.
  std::size_t decode_into(char* buffer, std::size_t size);
  // Reads the next chunk of input after what is undecoded (a cut character at most).
  void read_undecoded();
  /// What is wrong at `text[fault]` (file offset `offset`), and which encoding `text` reads in
  /// better.
  std::string invalid_message(std::string_view text, std::size_t fault, std::uint64_t offset,
                              bool truncated) const;

  std::unique_ptr<ByteInput> input_;
  std::unique_ptr<Decoder> decoder_;
  Settings settings_;
  StreamFault& fault_;
  // Direct UTF-8: the sniffed first bytes, then a character cut by the end of a read.
  std::string raw_;
  // Other encodings: the input chunk being decoded, [undecoded_begin_, undecoded_end_) still to
  // decode. The bytes before undecoded_begin_ stay, as the context of an error message. Not a
  // std::string: a chunk is read over it, and zero-filling it first would cost a pass.
  std::unique_ptr<char[]> chunk_;
  std::size_t chunk_capacity_ = 0;
  std::size_t undecoded_begin_ = 0;
  std::size_t undecoded_end_ = 0;
  std::uint64_t raw_offset_ = 0;  // file offset of raw_[0], or of chunk_[undecoded_begin_]
  // UTF-8 with LF or CRLF line ends needs no decoding: the input is read straight into the
  // caller's buffer and checked there, with no copy.
  bool direct_ = false;
  bool input_ended_ = false;
  bool stopped_ = false;
};

}  // namespace kpi::csv::detail
