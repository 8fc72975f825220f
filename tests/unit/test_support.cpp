// SPDX-License-Identifier: MIT
#include "test_support.hpp"

#include <iconv.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace kpi::test {

std::unique_ptr<csv::Reader> open_bytes(std::string bytes, csv::ReaderOptions options) {
  return csv::Reader::open(csv::ByteInput::from_string(std::move(bytes)), "test.csv", options);
}

Rows read_all(std::string bytes, csv::ReaderOptions options) {
  const auto reader = open_bytes(std::move(bytes), options);
  Rows rows = {reader->header().names};
  csv::Record record;
  while (reader->next(record)) {
    rows.emplace_back(record.fields.begin(), record.fields.end());
  }
  return rows;
}

std::string read_error(std::string bytes, csv::ReaderOptions options) {
  try {
    read_all(std::move(bytes), options);
  } catch (const Error& error) {
    return error.what();
  }
  return "";
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "kpi-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed");
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::write(const std::string& name, const std::string& bytes) const {
  const std::filesystem::path file = std::filesystem::path(path_) / name;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << bytes;
  return file.string();
}

namespace {

std::string convert(const std::string& text, const char* to) {
  iconv_t handle = iconv_open(to, "UTF-8");
  if (handle == reinterpret_cast<iconv_t>(-1)) {
    throw std::runtime_error("iconv_open failed");
  }
  std::string out(text.size() * 4 + 8, '\0');
  char* in = const_cast<char*>(text.data());
  std::size_t in_left = text.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  const std::size_t result = iconv(handle, &in, &in_left, &out_ptr, &out_left);
  iconv_close(handle);
  if (result == static_cast<std::size_t>(-1)) {
    throw std::runtime_error("iconv failed");
  }
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

std::string utf16_with_bom(const std::string& utf8, bool little_endian) {
  std::string bytes = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  bytes += convert(utf8, little_endian ? "UTF-16LE" : "UTF-16BE");
  return bytes;
}

std::string to_gb18030(const std::string& utf8) { return convert(utf8, "GB18030"); }

}  // namespace kpi::test
