// SPDX-License-Identifier: MIT
// Private to lib/kpi/csv: the decoded text that the line splitter reads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "kpi/csv/byte_input.hpp"
#include "kpi/csv/decoder.hpp"

namespace kpi::csv::detail {

/// A problem in the byte stream itself (bytes invalid in the encoding, a NUL byte). It is
/// found a block ahead of the lines read (on the same thread); `line` tells the reader where
/// to stop.
class StreamFault {
 public:
  void set(std::uint64_t line, std::string message) {
    message_ = std::move(message);
    line_ = line;
  }
  /// The physical line of the fault, or 0 while there is none.
  std::uint64_t line() const { return line_; }
  const std::string& message() const { return message_; }

 private:
  std::uint64_t line_ = 0;
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

  /// Fills `buffer` completely, except at the end of the text (then 0).
  int read(char* buffer, int size);

 private:
  void fill();
  void stop_at(std::size_t fault_offset, std::string message);
  std::string describe_invalid_bytes(std::string_view bytes, bool truncated) const;

  std::unique_ptr<ByteInput> input_;
  std::unique_ptr<Decoder> decoder_;
  Settings settings_;
  StreamFault& fault_;
  std::string raw_;      // undecoded input, starting with what the decoder left over
  std::string decoded_;  // UTF-8 not yet handed to the line splitter, from decoded_position_
  std::size_t decoded_position_ = 0;
  std::uint64_t delivered_newlines_ = 0;
  std::uint64_t raw_offset_ = 0;  // file offset of raw_[0]
  bool input_ended_ = false;
  bool stopped_ = false;
};

}  // namespace kpi::csv::detail
