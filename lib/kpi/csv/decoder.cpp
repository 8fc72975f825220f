// SPDX-License-Identifier: MIT
#include "kpi/csv/decoder.hpp"

#include <fmt/format.h>
#include <iconv.h>

#include <cerrno>
#include <cstring>

#include "kpi/core/diagnostic.hpp"
#include "kpi/csv/gb18030_decoder.hpp"
#include "kpi/csv/utf8.hpp"

namespace kpi::csv {
namespace {

class Utf8Decoder final : public Decoder {
 public:
  DecodeStep decode(std::string_view input, bool at_end, std::span<char> output) override {
    const Utf8Check check = check_utf8(input);
    std::size_t length = check.valid_length;
    const bool output_full = length > output.size();
    if (output_full) {
      // Back to the start of the character that does not fit.
      length = output.size();
      while (length > 0 && (static_cast<unsigned char>(input[length]) & 0xC0) == 0x80) {
        --length;
      }
    }
    std::memcpy(output.data(), input.data(), length);
    if (output_full) {
      return {length, length, false, false, true};
    }
    const bool invalid = !check.ok(input.size()) && (!check.truncated || at_end);
    return {length, length, invalid, invalid && check.truncated, false};
  }
};

class IconvDecoder final : public Decoder {
 public:
  explicit IconvDecoder(const std::string& from) : handle_(iconv_open("UTF-8", from.c_str())) {
    if (handle_ == reinterpret_cast<iconv_t>(-1)) {
      throw Error({"usage.encoding",
                   fmt::format("unknown encoding \"{}\" (try UTF-8, UTF-16LE, UTF-16BE, GB18030 "
                               "or any name `iconv --list` shows)",
                               from),
                   {}});
    }
  }
  IconvDecoder(const IconvDecoder&) = delete;
  IconvDecoder& operator=(const IconvDecoder&) = delete;
  ~IconvDecoder() override { iconv_close(handle_); }

  DecodeStep decode(std::string_view input, bool at_end, std::span<char> output) override {
    // iconv takes a non-const input pointer but does not write through it.
    char* in = const_cast<char*>(input.data());
    std::size_t in_left = input.size();
    char* out = output.data();
    std::size_t out_left = output.size();
    const std::size_t result = iconv(handle_, &in, &in_left, &out, &out_left);
    const std::size_t consumed = input.size() - in_left;
    const std::size_t produced = output.size() - out_left;
    if (result != static_cast<std::size_t>(-1)) {
      return {consumed, produced, false, false, false};
    }
    if (errno == E2BIG) {
      return {consumed, produced, false, false, true};
    }
    // EINVAL: an incomplete character at the end, which the next chunk may complete.
    const bool truncated = errno == EINVAL;
    return {consumed, produced, !truncated || at_end, truncated && at_end, false};
  }

 private:
  iconv_t handle_;
};

}  // namespace

DecodeStep Decoder::decode_appending(std::string_view input, bool at_end, std::string& output) {
  DecodeStep total;
  for (;;) {
    const std::size_t old_size = output.size();
    // Room for the worst case (three UTF-8 bytes for a two-byte character; more for bytes that
    // each become a character, which output_full then asks for again).
    output.resize(old_size + (input.size() - total.consumed) * 2 + 4 * kMaxCharacterBytes);
    const DecodeStep step =
        decode(input.substr(total.consumed), at_end, std::span(output).subspan(old_size));
    output.resize(old_size + step.produced);
    total.consumed += step.consumed;
    total.produced += step.produced;
    if (!step.output_full) {
      total.invalid = step.invalid;
      total.truncated = step.truncated;
      return total;
    }
  }
}

bool is_known_encoding(std::string_view name) {
  const Encoding encoding = named_encoding(name, "");
  if (encoding.is_utf8()) {
    return true;
  }
  const iconv_t handle = iconv_open("UTF-8", encoding.name.c_str());
  if (handle == reinterpret_cast<iconv_t>(-1)) {
    return false;
  }
  iconv_close(handle);
  return true;
}

std::unique_ptr<Decoder> make_decoder(const Encoding& encoding) {
  if (encoding.is_utf8()) {
    return std::make_unique<Utf8Decoder>();
  }
  auto iconv_decoder = std::make_unique<IconvDecoder>(encoding.name);
  if (encoding.name == "GB18030") {
    return detail::make_gb18030_decoder(std::move(iconv_decoder));
  }
  return iconv_decoder;
}

}  // namespace kpi::csv
