// SPDX-License-Identifier: MIT
#include "kpi/csv/gb18030_decoder.hpp"

#include <iconv.h>

#include <array>
#include <cstdint>
#include <cstring>

#include "kpi/csv/ascii_word.hpp"

namespace kpi::csv::detail {
namespace {

// Two-byte characters: a lead byte 0x81..0xFE, a trail byte 0x40..0xFF (0x30..0x39 starts a
// four-byte sequence instead, which the table leaves to iconv).
constexpr unsigned kFirstLead = 0x81, kLastLead = 0xFE, kFirstTrail = 0x40;
constexpr std::size_t kTrails = 0x100 - kFirstTrail;

// A pair's UTF-8: at most three bytes, as two-byte characters are all in the BMP. Length 0
// marks a pair iconv does not turn into one character.
struct PairUtf8 {
  char bytes[3];
  std::uint8_t length;
};
using PairTable = std::array<PairUtf8, (kLastLead - kFirstLead + 1) * kTrails>;

PairTable make_pair_table() {
  PairTable table{};
  const iconv_t handle = iconv_open("UTF-8", "GB18030");
  if (handle == reinterpret_cast<iconv_t>(-1)) {
    return table;  // every pair goes to the iconv decoder, which reports the problem
  }
  for (unsigned lead = kFirstLead; lead <= kLastLead; ++lead) {
    for (unsigned trail = kFirstTrail; trail <= 0xFF; ++trail) {
      char pair[2] = {static_cast<char>(lead), static_cast<char>(trail)};
      char utf8[8];
      char* in = pair;
      char* out = utf8;
      std::size_t in_left = sizeof pair, out_left = sizeof utf8;
      iconv(handle, nullptr, nullptr, nullptr, nullptr);  // a fresh state for every pair
      const std::size_t result = iconv(handle, &in, &in_left, &out, &out_left);
      const auto length = static_cast<std::size_t>(out - utf8);
      if (result == static_cast<std::size_t>(-1) || in_left != 0 || length == 0 || length > 3) {
        continue;
      }
      PairUtf8& entry = table[(lead - kFirstLead) * kTrails + (trail - kFirstTrail)];
      std::memcpy(entry.bytes, utf8, length);
      entry.length = static_cast<std::uint8_t>(length);
    }
  }
  iconv_close(handle);
  return table;
}

const PairTable& pair_table() {
  static const PairTable table = make_pair_table();  // built once, on first use, thread-safe
  return table;
}

class Gb18030Decoder final : public Decoder {
 public:
  explicit Gb18030Decoder(std::unique_ptr<Decoder> iconv_decoder)
      : iconv_decoder_(std::move(iconv_decoder)), table_(pair_table()) {}

  DecodeStep decode(std::string_view input, bool at_end, std::string& output) override {
    const auto* bytes = reinterpret_cast<const unsigned char*>(input.data());
    const std::size_t size = input.size();
    // Room is made once per call, for the most the input can turn into (1.5 UTF-8 bytes per
    // byte: three for a pair), and only what was written is kept at the end.
    Output out{output, output.size()};
    out.make_room(size / 2 * 3 + kSlack);
    std::size_t position = 0;
    while (position < size) {
      position = decode_plain(bytes, size, position, out);
      if (position == size) {
        break;
      }
      if (out.room() < kSlack) {
        out.make_room((size - position) / 2 * 3 + kSlack);
        continue;
      }
      // One character through iconv: up to four bytes, the longest GB18030 sequence.
      const std::string_view piece = input.substr(position, 4);
      const bool piece_ends_input = position + piece.size() == size;
      piece_text_.clear();
      const DecodeStep step =
          iconv_decoder_->decode(piece, at_end && piece_ends_input, piece_text_);
      out.append(piece_text_, (size - position) / 2 * 3 + kSlack);
      if (step.invalid) {
        out.finish();
        return {position + step.consumed, true, step.truncated};
      }
      if (step.consumed == 0) {
        out.finish();
        if (piece_ends_input) {
          return {position, false, false};  // cut by the end of the chunk: wait for the rest
        }
        // Not expected of GB18030; the rest then goes to iconv whole, which is always right.
        const DecodeStep rest = iconv_decoder_->decode(input.substr(position), at_end, output);
        return {position + rest.consumed, rest.invalid, rest.truncated};
      }
      position += step.consumed;
    }
    out.finish();
    return {size, false, false};
  }

 private:
  static constexpr std::size_t kSlack = 16;

  // The output string, grown ahead and written by position; finish() cuts it to what was
  // written.
  struct Output {
    std::string& text;
    std::size_t written;

    std::size_t room() const { return text.size() - written; }
    char* next() { return text.data() + written; }
    void make_room(std::size_t bytes) {
      if (room() < bytes) {
        text.resize(written + bytes);
      }
    }
    void append(std::string_view bytes, std::size_t then_room) {
      make_room(bytes.size() + then_room);
      std::memcpy(next(), bytes.data(), bytes.size());
      written += bytes.size();
    }
    void finish() { text.resize(written); }
  };

  // Decodes ASCII and table pairs from `position` while the output has room for the widest
  // step; returns where it stopped.
  std::size_t decode_plain(const unsigned char* bytes, std::size_t size, std::size_t position,
                           Output& output) const {
    char* out = output.next();
    char* const end = out + output.room();
    while (position < size && end - out >= 8) {
      // ASCII (digits, codes, delimiters) eight bytes at a time.
      if (position + 8 <= size && is_ascii_word(bytes + position)) {
        std::memcpy(out, bytes + position, 8);
        out += 8;
        position += 8;
        continue;
      }
      const unsigned char lead = bytes[position];
      if (lead < 0x80) {
        *out++ = static_cast<char>(lead);
        ++position;
        continue;
      }
      if (position + 1 >= size || lead < kFirstLead || lead > kLastLead ||
          bytes[position + 1] < kFirstTrail) {
        break;
      }
      const PairUtf8& entry =
          table_[(lead - kFirstLead) * kTrails + (bytes[position + 1] - kFirstTrail)];
      if (entry.length == 0) {
        break;
      }
      std::memcpy(out, entry.bytes, 3);  // the room check above covers all three
      out += entry.length;
      position += 2;
    }
    output.written = static_cast<std::size_t>(out - output.text.data());
    return position;
  }

  std::unique_ptr<Decoder> iconv_decoder_;
  const PairTable& table_;
  std::string piece_text_;  // what iconv made of one character
};

}  // namespace

std::unique_ptr<Decoder> make_gb18030_decoder(std::unique_ptr<Decoder> iconv_decoder) {
  return std::make_unique<Gb18030Decoder>(std::move(iconv_decoder));
}

}  // namespace kpi::csv::detail
