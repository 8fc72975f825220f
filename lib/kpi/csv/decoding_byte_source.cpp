// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>
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
  if (!direct_) {
    chunk_capacity_ = std::max(raw_.size(), kRawChunk) + Decoder::kMaxCharacterBytes;
    chunk_ = std::make_unique_for_overwrite<char[]>(chunk_capacity_);
    std::memcpy(chunk_.get(), raw_.data(), raw_.size());
    undecoded_end_ = raw_.size();
    raw_ = std::string();
  }
}

int DecodingByteSource::read(char* buffer, int size) {
  const auto wanted = static_cast<std::size_t>(size);
  if (direct_) {
    return static_cast<int>(read_directly(buffer, wanted));
  }
  if (size < kMinReadBytes) {
    throw std::invalid_argument("DecodingByteSource::read: buffer smaller than kMinReadBytes");
  }
  while (!stopped_) {
    const std::size_t decoded_before = undecoded_begin_;
    const std::size_t produced = decode_into(buffer, wanted);
    if (produced > 0) {
      return static_cast<int>(produced);
    }
    if (!stopped_ && undecoded_begin_ == decoded_before) {
      read_undecoded();  // what is left is a cut character, or nothing
    }
  }
  return 0;
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

std::size_t DecodingByteSource::decode_into(char* buffer, std::size_t size) {
  const std::string_view undecoded(chunk_.get() + undecoded_begin_,
                                   undecoded_end_ - undecoded_begin_);
  const DecodeStep step = decoder_->decode(undecoded, input_ended_, std::span(buffer, size));
  std::size_t produced = step.produced;
  if (settings_.bare_cr_line_ends) {
    std::replace(buffer, buffer + produced, '\r', '\n');
  }
  if (const void* nul = std::memchr(buffer, '\0', produced)) {
    fault_.set(kNulMessage);
    stopped_ = true;
    return static_cast<std::size_t>(static_cast<const char*>(nul) - buffer);
  }
  if (step.invalid) {
    // The whole chunk read so far is the message's context (the line the fault is on).
    const std::string_view chunk(chunk_.get(), undecoded_end_);
    fault_.set(invalid_message(chunk, undecoded_begin_ + step.consumed, raw_offset_ + step.consumed,
                               step.truncated));
    stopped_ = true;
    return produced;
  }
  undecoded_begin_ += step.consumed;
  raw_offset_ += step.consumed;
  // At the end a decoder consumes everything or reports what it cannot; consuming nothing
  // then would be a decoder's fault, and must not loop.
  stopped_ = input_ended_ && (undecoded_begin_ == undecoded_end_ || step.consumed == 0);
  return produced;
}

void DecodingByteSource::read_undecoded() {
  if (input_ended_) {
    return;  // decode_into then decodes the rest with at_end, which settles it
  }
  const std::size_t left = undecoded_end_ - undecoded_begin_;
  std::memmove(chunk_.get(), chunk_.get() + undecoded_begin_, left);
  undecoded_begin_ = 0;
  const std::size_t count = read_fully(*input_, chunk_.get() + left, chunk_capacity_ - left);
  undecoded_end_ = left + count;
  input_ended_ = count == 0;
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
