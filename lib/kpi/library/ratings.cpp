// SPDX-License-Identifier: MIT
#include "kpi/library/ratings.hpp"

#include <array>

namespace kpi::library {
namespace {

struct KindName {
  std::string_view name;
  std::string_view kind;
};

constexpr std::array<KindName, 14> kKinds = {{
    {"自评", "自评"},
    {"self", "自评"},
    {"本人", "自评"},
    {"上级", "上级"},
    {"manager", "上级"},
    {"上级评价", "上级"},
    {"直属上级", "上级"},
    {"同事", "同事"},
    {"peer", "同事"},
    {"同级", "同事"},
    {"平级", "同事"},
    {"下级", "下级"},
    {"subordinate", "下级"},
    {"下属", "下级"},
}};

std::string lower_ascii(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return lowered;
}

}  // namespace

std::optional<std::string> rater_kind(std::string_view text) {
  const std::string lowered = lower_ascii(text);
  for (const KindName& entry : kKinds) {
    if (lowered == entry.name) {
      return std::string(entry.kind);
    }
  }
  return std::nullopt;
}

std::string_view rater_kinds_text() {
  return "自评/self, 上级/manager, 同事/peer or 下级/subordinate";
}

const std::vector<std::pair<std::string, long double>>& default_grade_points() {
  static const std::vector<std::pair<std::string, long double>> kPoints = {
      {"优", 95},   {"优秀", 95}, {"良", 85}, {"良好", 85}, {"中", 75},
      {"中等", 75}, {"合格", 75}, {"差", 60}, {"较差", 60}, {"不合格", 60},
      {"A", 95},    {"B", 85},    {"C", 75},  {"D", 60}};
  return kPoints;
}

std::optional<long double> grade_points(const Ratings* ratings, std::string_view word) {
  if (ratings != nullptr) {
    for (const auto& [name, points] : ratings->points) {
      if (name == word) {
        return points;
      }
    }
  }
  for (const auto& [name, points] : default_grade_points()) {
    if (name == word) {
      return points;
    }
  }
  return std::nullopt;
}

}  // namespace kpi::library
