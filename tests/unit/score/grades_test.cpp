// SPDX-License-Identifier: MIT
#include "kpi/score/grades.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kpi/report/number_format.hpp"

namespace {

using kpi::library::GradeBand;
using kpi::library::Grades;

// S ≥ 110, A ≥ 100, B ≥ 90, C ≥ 70, else D, with the 绩效系数 of a common template.
Grades template_grades() {
  Grades grades;
  grades.bands = {{"S", 110, 1'500'000, {}},
                  {"A", 100, 1'200'000, {}},
                  {"B", 90, 1'000'000, {}},
                  {"C", 70, 800'000, {}},
                  {"D", std::nullopt, 500'000, {}}};
  return grades;
}

std::string grade(long double total) {
  return kpi::score::grade_of(template_grades(), total).grade;
}

}  // namespace

TEST_SUITE("score.grades") {
  TEST_CASE("a total gets the first band whose from it reaches, else the last band") {
    CHECK(grade(120) == "S");
    CHECK(grade(110) == "S");
    CHECK(grade(109.9L) == "A");
    CHECK(grade(100) == "A");
    CHECK(grade(99.9L) == "B");
    CHECK(grade(90) == "B");
    CHECK(grade(70) == "C");
    CHECK(grade(69.9L) == "D");
    CHECK(grade(0) == "D");
    CHECK(kpi::score::grade_of(template_grades(), 95).coefficient_units == 1'000'000);
  }

  TEST_CASE("grades follow the total as shown: 109.96 shows 110.0 and is S, 109.94 is A") {
    CHECK(kpi::score::shown_total(109.96L) == 110.0L);
    CHECK(kpi::format_fixed(109.96L, 1) == "110.0");
    CHECK(grade(109.96L) == "S");
    CHECK(grade(109.94L) == "A");
    CHECK(kpi::score::shown_total(89.95L) == 90.0L);
    CHECK(grade(89.95L) == "B");
    CHECK(grade(89.9499L) == "C");
  }

  TEST_CASE("ranks within each group: 1, 2, 2, 4 for ties, none without a total") {
    const std::vector<std::optional<long double>> totals = {95.8L,        101.3L, 95.84L, 90,
                                                            std::nullopt, 80,     85};
    const std::vector<std::string> groups = {"a", "a", "a", "a", "a", "b", "b"};
    const auto ranks = kpi::score::rank_within_groups(totals, groups);
    REQUIRE(ranks.size() == 7);
    CHECK(ranks[0] == 2);
    CHECK(ranks[1] == 1);
    CHECK(ranks[2] == 2);  // 95.84 shows 95.8: a tie with 95.8
    CHECK(ranks[3] == 4);
    CHECK_FALSE(ranks[4].has_value());
    CHECK(ranks[5] == 2);
    CHECK(ranks[6] == 1);
  }

  TEST_CASE("forced distribution: S+A at most 30 % per group, 3 of 10 is not over") {
    kpi::library::GradeLimit limit{{"S", "A"}, 0.3L, {}};
    std::vector<std::optional<std::string>> grades;
    std::vector<std::string> groups;
    for (const char* g : {"S", "A", "A", "B", "B", "B", "C", "C", "D", "B"}) {
      grades.emplace_back(g);
      groups.emplace_back("销售部");
    }
    for (const char* g : {"S", "B", "C"}) {  // 1 of 3 is 33.3 %
      grades.emplace_back(g);
      groups.emplace_back("市场部");
    }
    grades.emplace_back(std::nullopt);  // no total: not counted
    groups.emplace_back("电商部");
    grades.emplace_back("B");
    groups.emplace_back("电商部");
    const auto breaches = kpi::score::check_distribution(limit, grades, groups);
    REQUIRE(breaches.size() == 1);
    CHECK(breaches[0].group == "市场部");
    CHECK(breaches[0].limited == 1);
    CHECK(breaches[0].graded == 3);
    grades[3] = "A";  // 4 of 10 in 销售部
    const auto more = kpi::score::check_distribution(limit, grades, groups);
    REQUIRE(more.size() == 2);
    CHECK(more[0].group == "销售部");
    CHECK(more[0].limited == 4);
    CHECK(more[0].graded == 10);
  }

  TEST_CASE("bonus is base × coefficient rounded to the cent, half away from zero") {
    // 5000 × 1.2 = 6000.00
    CHECK(kpi::score::bonus_units(5'000'000'000, 1'200'000) == 6'000'000'000);
    // 3333.33 × 1.15 = 3833.3295 → 3833.33
    CHECK(kpi::score::bonus_units(3'333'330'000, 1'150'000) == 3'833'330'000);
    // 1234.50 × 0.85 = 1049.325 → 1049.33 (half away from zero)
    CHECK(kpi::score::bonus_units(1'234'500'000, 850'000) == 1'049'330'000);
    // 0.01 × 0.5 = 0.005 → 0.01
    CHECK(kpi::score::bonus_units(10'000, 500'000) == 10'000);
    // a large base stays exact: 9,000,000,000.00 × 1.5
    CHECK(kpi::score::bonus_units(9'000'000'000'000'000, 1'500'000) ==
          static_cast<kpi::ExactUnits>(13'500'000'000'000'000));
    CHECK(kpi::score::bonus_units(8'000'000'000, 0) == 0);
  }
}
