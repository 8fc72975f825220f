// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "kpi/csv/decoding_byte_source_internal.hpp"
#include "kpi/csv/encoding_guess.hpp"
#include "kpi/csv/utf8.hpp"

namespace kpi::csv::detail {
namespace {

constexpr std::size_t kRawChunk = 1 << 20;

constexpr const char* kNulMessage =
    "contains a NUL byte, which a text export never has (is this a binary file, or UTF-16 "
    "without a byte-order mark? name the encoding: --encoding for kpi inspect, `encoding` in the "
    "library's source)";

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
  direct_ = settings_.encoding.is_utf8() && !settings_.bare_cr_line_ends;
}

int DecodingByteSource::read(char* buffer, int size) {
  const auto wanted = static_cast<std::size_t>(size);
  if (direct_) {
    return static_cast<int>(read_directly(buffer, wanted));
  }
  if (decoded_.size() - decoded_position_ < wanted) {
    // Keep only what the last reads left over, so memory stays at one chunk's worth. (Only
    // now: a chunk serves several reads, and moving its rest at each would cost a copy each.)
    decoded_.erase(0, decoded_position_);
    decoded_position_ = 0;
    decoded_.reserve(wanted + 4 * kRawChunk);
    while (!stopped_ && decoded_.size() < wanted) {
      fill();
    }
  }
  const std::size_t count = std::min(wanted, decoded_.size() - decoded_position_);
  const std::string_view delivered(decoded_.data() + decoded_position_, count);
  std::memcpy(buffer, delivered.data(), count);
  decoded_position_ += count;
  return static_cast<int>(count);
}

std::size_t DecodingByteSource::read_directly(char* buffer, std::size_t size) {
  // raw_ holds what came before: the sniffed first bytes, or a character cut by the last read.
  while (!stopped_) {
    std::size_t count = std::min(raw_.size(), size);
    std::memcpy(buffer, raw_.data(), count);
    raw_.erase(0, count);
    if (count < size && !input_ended_) {
      const std::size_t fresh = read_fully(*input_, buffer + count, size - count);
      input_ended_ = fresh < size - count;
      count += fresh;
    }
    const std::string_view text(buffer, count);
    const Utf8Check check = check_utf8(text);
    std::size_t valid = check.valid_length;
    if (const void* nul = std::memchr(buffer, '\0', valid)) {
      valid = static_cast<std::size_t>(static_cast<const char*>(nul) - buffer);
      fault_.set(kNulMessage);
      stopped_ = true;
    } else if (!check.ok(count) && (!check.truncated || (input_ended_ && raw_.empty()))) {
      fault_.set(invalid_message(text, valid, raw_offset_ + valid, check.truncated));
      stopped_ = true;
    } else {
      raw_.insert(0, text.substr(valid));  // a cut character waits for the rest of its bytes
      stopped_ = input_ended_ && raw_.empty();
    }
    raw_offset_ += valid;
    if (valid > 0 || stopped_) {
      return valid;
    }
  }
  return 0;
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
  const std::uint64_t invalid_offset = raw_offset_ + step.consumed;
  raw_offset_ += step.consumed;
  char* fresh = decoded_.data() + decoded_before;
  const std::size_t fresh_size = decoded_.size() - decoded_before;
  if (settings_.bare_cr_line_ends) {
    std::replace(fresh, fresh + fresh_size, '\r', '\n');
  }
  if (const void* nul = std::memchr(fresh, '\0', fresh_size)) {
    stop_at(static_cast<std::size_t>(static_cast<const char*>(nul) - decoded_.data()), kNulMessage);
    return;
  }
  if (step.invalid) {
    stop_at(decoded_.size(), invalid_message(raw_, step.consumed, invalid_offset, step.truncated));
    return;
  }
  raw_.erase(0, step.consumed);
  stopped_ = input_ended_;
}

void DecodingByteSource::stop_at(std::size_t fault_offset, std::string message) {
  decoded_.resize(fault_offset);
  fault_.set(std::move(message));
  stopped_ = true;
}

std::string DecodingByteSource::invalid_message(std::string_view text, std::size_t fault,
                                                std::uint64_t offset, bool truncated) const {
  const std::string_view bytes = text.substr(fault);
  std::string hex;
  for (unsigned char byte : bytes.substr(0, 4)) {
    hex += fmt::format("{}0x{:02X}", hex.empty() ? "" : " ", byte);
  }
  const std::string what =
      truncated ? fmt::format("ends inside a {} character ({})", settings_.encoding.name, hex)
                : fmt::format("has bytes that are not valid {} ({})", settings_.encoding.name, hex);
  // The bytes from the start of the faulty line on say what the file more likely is (a cp1252
  // or Mac Roman export read as GB18030, a GBK one read as UTF-8).
  const std::size_t line_start = text.find_last_of("\r\n", fault == 0 ? 0 : fault - 1);
  const std::string_view from_line =
      line_start == std::string_view::npos || fault == 0 ? text : text.substr(line_start + 1);
  const std::vector<EncodingGuess> guesses =
      likely_encodings(from_line, input_ended_, settings_.encoding.name);
  const std::string likely =
      guesses.empty() ? std::string()
                      : fmt::format("the bytes read as {}: name it with {}",
                                    describe_guesses(guesses), how_to_name_encoding(guesses[0]));
  std::string hint;
  if (settings_.encoding.detected) {
    hint = likely.empty()
               ? fmt::format(
                     "; {} was detected from the start of the file: name the real encoding "
                     "(--encoding for kpi inspect, `encoding` in the library's source)",
                     settings_.encoding.name)
               : fmt::format("; {} was detected from the start of the file, but {}",
                             settings_.encoding.name, likely);
  } else if (!likely.empty()) {
    hint = "; " + likely;
  }
  return fmt::format("{} at byte offset {}{}", what, offset, hint);
}

}  // namespace kpi::csv::detail
