// SPDX-License-Identifier: MIT
#include "kpi/store/value_interner.hpp"

#include <charconv>
#include <cstring>

namespace kpi::store {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{1} << 20;

template <typename Integer>
void append_integer(Integer value, std::string& out) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

}  // namespace

void ValueInterner::bytes_of(const expr::Value& value, std::string& out) {
  out.clear();
  out.push_back(static_cast<char>(value.kind));
  switch (value.kind) {
    case expr::Value::Kind::Text:
      out += value.text;
      break;
    case expr::Value::Kind::Number:
      append_integer(value.number.units(), out);
      break;
    case expr::Value::Kind::Moment:
      append_integer(value.seconds, out);
      break;
    case expr::Value::Kind::Bool:
      out.push_back(value.truth ? '1' : '0');
      break;
    case expr::Value::Kind::Null:
      break;
  }
}

expr::Value ValueInterner::value_of(std::string_view bytes) {
  if (bytes.empty()) {
    return {};
  }
  const std::string_view rest = bytes.substr(1);
  std::int64_t integer = 0;
  switch (static_cast<expr::Value::Kind>(bytes[0])) {
    case expr::Value::Kind::Text:
      return expr::Value::of_text(rest);
    case expr::Value::Kind::Number:
      std::from_chars(rest.data(), rest.data() + rest.size(), integer);
      return expr::Value::of_number(Decimal::from_units(integer));
    case expr::Value::Kind::Moment:
      std::from_chars(rest.data(), rest.data() + rest.size(), integer);
      return expr::Value::of_moment(integer);
    case expr::Value::Kind::Bool:
      return expr::Value::of_bool(rest == "1");
    case expr::Value::Kind::Null:
      break;
  }
  return {};
}

std::uint32_t ValueInterner::intern(const expr::Value& value) {
  bytes_of(value, scratch_);
  return intern_bytes(scratch_);
}

std::uint32_t ValueInterner::intern_bytes(std::string_view bytes) {
  if (bytes.size() <= ValueKey::kInlineBytes) {
    return short_ids_.try_emplace(ValueKey::of_bytes(bytes), size()).first->second;
  }
  const auto found = ids_.find(absl::string_view(bytes.data(), bytes.size()));
  if (found != ids_.end()) {
    return found->second;
  }
  const std::uint32_t id = size();
  const std::string_view stored = store(bytes);
  ids_.emplace(absl::string_view(stored.data(), stored.size()), id);
  return id;
}

std::string_view ValueInterner::store(std::string_view bytes) {
  if (storage_.empty() || storage_.back().capacity() - storage_.back().size() < bytes.size()) {
    storage_.emplace_back().reserve(std::max(kChunkBytes, bytes.size()));
  }
  std::string& chunk = storage_.back();
  const std::size_t offset = chunk.size();
  chunk.append(bytes);  // within capacity: earlier views stay valid
  return std::string_view(chunk).substr(offset, bytes.size());
}

}  // namespace kpi::store
