// SPDX-License-Identifier: MIT
// Private to lib/kpi/csv: physical lines of the decoded text.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "kpi/csv/decoding_byte_source_internal.hpp"

namespace kpi::csv::detail {

/// Splits the decoded text into physical lines. Lines end at a line feed, and a carriage
/// return before it is dropped; the last line needs no line feed. Each line is a view into a
/// buffer of some 128 KiB (more for a longer line) that holds the text around it, valid until
/// the next call, so the text is copied once, from the decoder into the buffer, whatever
/// follows.
class LineSplitter {
 public:
  /// Lines longer than this are an error: it is almost always a binary file or a broken
  /// export, and stopping early keeps memory bounded.
  static constexpr std::size_t kMaxLineBytes = std::size_t{16} << 20;

  struct LineTooLong {};

  explicit LineSplitter(std::unique_ptr<DecodingByteSource> source);

  /// The next line, or none at the end of the text. Throws LineTooLong.
  std::optional<std::string_view> next();
  /// The text read but not yet returned, for a caller that finds lines itself.
  std::string_view buffered() const { return {buffer_.data() + begin_, end_ - begin_}; }
  /// Marks the first `count` bytes of buffered(), whole lines, as returned.
  void consume(std::size_t count) {
    begin_ += count;
    scanned_ = 0;
  }
  /// True once the last line of the text, one without a line feed, has been returned.
  bool at_end() const { return ended_ && begin_ == end_; }

 private:
  bool refill();

  std::unique_ptr<DecodingByteSource> source_;
  std::string buffer_;
  std::size_t begin_ = 0;    // the next line's first byte
  std::size_t scanned_ = 0;  // bytes from begin_ known to hold no line feed
  std::size_t end_ = 0;      // one past the last byte read
  bool ended_ = false;
};

}  // namespace kpi::csv::detail
