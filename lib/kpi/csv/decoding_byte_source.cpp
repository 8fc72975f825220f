// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "kpi/csv/decoding_byte_source_internal.hpp"

namespace kpi::csv::detail {
namespace {

constexpr std::size_t kRawChunk = 1 << 20;

std::uint64_t count_newlines(std::string_view text) {
  return static_cast<std::uint64_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

DecodingByteSource::DecodingByteSource(std::unique_ptr<ByteInput> input, std::string first_bytes,
                                       Settings settings, StreamFault& fault)
    : input_(std::move(input)),
      decoder_(make_decoder(settings.encoding)),
      settings_(std::move(settings)),
      fault_(fault),
      raw_(std::move(first_bytes)) {
  const std::size_t bom = std::min(settings_.encoding.bom_length, raw_.size());
  raw_.erase(0, bom);
  raw_offset_ = settings_.byte_offset + bom;
}

int DecodingByteSource::read(char* buffer, int size) {
  const auto wanted = static_cast<std::size_t>(size);
  // Keep only what the last read left over, so memory stays at one read's worth.
  decoded_.erase(0, decoded_position_);
  decoded_position_ = 0;
  decoded_.reserve(wanted + 4 * kRawChunk);
  while (!stopped_ && decoded_.size() - decoded_position_ < wanted) {
    fill();
  }
  const std::size_t count = std::min(wanted, decoded_.size() - decoded_position_);
  const std::string_view delivered(decoded_.data() + decoded_position_, count);
  std::memcpy(buffer, delivered.data(), count);
  delivered_newlines_ += count_newlines(delivered);
  decoded_position_ += count;
  return static_cast<int>(count);
}

void DecodingByteSource::fill() {
  if (!input_ended_) {
    const std::size_t old_size = raw_.size();
    raw_.resize(old_size + kRawChunk);
    const std::size_t count = read_fully(*input_, raw_.data() + old_size, kRawChunk);
    raw_.resize(old_size + count);
    input_ended_ = count == 0;
  }
  const std::size_t decoded_before = decoded_.size();
  const DecodeStep step = decoder_->decode(raw_, input_ended_, decoded_);
  const std::string_view invalid_bytes = std::string_view(raw_).substr(step.consumed);
  const std::uint64_t invalid_offset = raw_offset_ + step.consumed;
  raw_offset_ += step.consumed;
  char* fresh = decoded_.data() + decoded_before;
  const std::size_t fresh_size = decoded_.size() - decoded_before;
  if (settings_.bare_cr_line_ends) {
    std::replace(fresh, fresh + fresh_size, '\r', '\n');
  }
  if (const void* nul = std::memchr(fresh, '\0', fresh_size)) {
    stop_at(static_cast<std::size_t>(static_cast<const char*>(nul) - decoded_.data()),
            "contains a NUL byte, which a text export never has (is this a binary file, or "
            "UTF-16 without a byte-order mark? name the encoding: --encoding for kpi inspect, "
            "`encoding` in the library's source)");
    return;
  }
  if (step.invalid) {
    const std::string hint =
        settings_.encoding.detected
            ? fmt::format(
                  "; {} was detected from the start of the file: name the real encoding "
                  "(--encoding for kpi inspect, `encoding` in the library's source)",
                  settings_.encoding.name)
            : "";
    stop_at(decoded_.size(), fmt::format("{} at byte offset {}{}",
                                         describe_invalid_bytes(invalid_bytes, step.truncated),
                                         invalid_offset, hint));
    return;
  }
  raw_.erase(0, step.consumed);
  stopped_ = input_ended_;
}

void DecodingByteSource::stop_at(std::size_t fault_offset, std::string message) {
  const std::string_view before(decoded_.data() + decoded_position_,
                                fault_offset - decoded_position_);
  decoded_.resize(fault_offset);
  fault_.set(delivered_newlines_ + count_newlines(before) + 1, std::move(message));
  stopped_ = true;
}

std::string DecodingByteSource::describe_invalid_bytes(std::string_view bytes,
                                                       bool truncated) const {
  std::string hex;
  for (unsigned char byte : bytes.substr(0, 4)) {
    hex += fmt::format("{}0x{:02X}", hex.empty() ? "" : " ", byte);
  }
  std::string text =
      truncated ? fmt::format("ends inside a {} character ({})", settings_.encoding.name, hex)
                : fmt::format("has bytes that are not valid {} ({})", settings_.encoding.name, hex);

  return text;
}

}  // namespace kpi::csv::detail
