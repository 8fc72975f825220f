// SPDX-License-Identifier: MIT
#include "kpi/csv/line_splitter.hpp"

#include <cstring>

namespace kpi::csv::detail {
namespace {

constexpr std::size_t kBlockBytes = std::size_t{1} << 17;

std::string_view without_carriage_return(std::string_view line) {
  return !line.empty() && line.back() == '\r' ? line.substr(0, line.size() - 1) : line;
}

}  // namespace

LineSplitter::LineSplitter(std::unique_ptr<DecodingByteSource> source)
    : source_(std::move(source)) {}

std::optional<std::string_view> LineSplitter::next() {
  for (;;) {
    const char* start = buffer_.data() + begin_;
    if (const void* feed = std::memchr(start + scanned_, '\n', end_ - begin_ - scanned_)) {
      const auto length = static_cast<std::size_t>(static_cast<const char*>(feed) - start);
      if (length >= kMaxLineBytes) {
        throw LineTooLong{};
      }
      begin_ += length + 1;
      scanned_ = 0;
      return without_carriage_return(std::string_view(start, length));
    }
    scanned_ = end_ - begin_;
    if (scanned_ >= kMaxLineBytes) {
      throw LineTooLong{};
    }
    if (!refill()) {
      if (begin_ == end_) {
        return std::nullopt;
      }
      const std::string_view last(buffer_.data() + begin_, end_ - begin_);
      begin_ = end_;
      scanned_ = 0;
      return without_carriage_return(last);
    }
  }
}

// Moves the unfinished line to the front and reads a block after it; false at the end.
bool LineSplitter::refill() {
  if (ended_) {
    return false;
  }
  std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
  end_ -= begin_;
  begin_ = 0;
  if (buffer_.size() < end_ + kBlockBytes) {
    buffer_.resize(end_ + kBlockBytes);  // grows only for a line longer than a block
  }
  const int count = source_->read(buffer_.data() + end_, static_cast<int>(kBlockBytes));
  end_ += static_cast<std::size_t>(count);
  ended_ = count == 0;
  return count > 0;
}

}  // namespace kpi::csv::detail
