// SPDX-License-Identifier: MIT
#include "kpi/score/scores_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "kpi/core/did_you_mean.hpp"
#include "kpi/csv/reader.hpp"
#include "kpi/score/table_columns.hpp"
#include "kpi/time/written_period.hpp"
#include "kpi/value/cell_text.hpp"
#include "kpi/value/number_parser.hpp"

namespace kpi::score {
namespace {

enum Column { kScorecard, kEntity, kKpi, kPeriod, kScore, kRater, kColumnCount };

constexpr std::array<std::array<std::string_view, 10>, kColumnCount> kAliases = {{
    {"部门/岗位", "部门", "岗位", "岗位名称", "部门名称", "scorecard", "department", "role",
     "position", "job"},
    {"对象", "考核对象", "姓名", "员工", "员工姓名", "entity", "employee", "person"},
    {"KPI", "指标", "KPI名称", "考核指标", "KPI指标", "指标名称", "kpi name", "indicator",
     "metric"},
    {"期间", "考核期间", "period"},
    {"得分", "分数", "评分", "score"},
    {"评价关系", "评价类型", "评分类型", "评分人类型", "rater kind", "rater"},
}};

class ScoresReader {
 public:
  ScoresReader(csv::Reader& reader, std::span<const KpiInfo> kpis, const time::Calendar& calendar,
               const library::Ratings* ratings)
      : reader_(reader), kpis_(kpis), calendar_(calendar), ratings_(ratings) {
    const auto& names = reader.header().names;
    for (std::size_t c = 0; c < kColumnCount; ++c) {
      std::vector<std::string_view> aliases;
      std::copy_if(kAliases[c].begin(), kAliases[c].end(), std::back_inserter(aliases),
                   [](std::string_view alias) { return !alias.empty(); });
      columns_[c] = find_column(reader.header(), aliases);
      if (!columns_[c] && c != kEntity && c != kRater) {
        fail(1, 0,
             fmt::format("no {} column (expected one of \"{}\"); the file has {}", kAliases[c][0],
                         fmt::join(aliases, "\", \""), join_elided(names, ", ", "\"")));
      }
    }
  }

  std::vector<ManualScore> read() {
    std::vector<ManualScore> scores;
    while (reader_.next(record_)) {
      ManualScore score = read_row();
      for (const ManualScore& earlier : scores) {
        // Several raters of one kind (three 同事) each give a score; without a rater kind, a
        // second score of the same KPI is a mistake.
        if (earlier.scorecard == score.scorecard && earlier.entity == score.entity &&
            earlier.kpi == score.kpi && time::same_days(earlier.period, score.period) &&
            earlier.rater.empty() && score.rater.empty()) {
          fail(record_.line, 0,
               fmt::format("duplicate score: line {} already scores this KPI for "
                           "this scorecard and period",
                           earlier.where.line));
        }
      }
      scores.push_back(std::move(score));
    }
    return scores;
  }

 private:
  [[noreturn]] void fail(std::uint64_t line, std::uint64_t column, std::string message) const {
    throw Error({std::string(kTableError), std::move(message), {reader_.file(), line, column}});
  }

  std::string cell(Column column) const {
    return columns_[column] ? std::string(trim_cell(record_.fields[*columns_[column]])) : "";
  }

  ManualScore read_row() const {
    ManualScore score;
    score.where = {reader_.file(), record_.line, 0};
    score.scorecard = cell(kScorecard);
    score.entity = cell(kEntity);
    score.kpi = resolve_kpi(cell(kKpi));
    score.period = read_period();
    score.rater = read_rater();
    const std::string cell_text = cell(kScore);
    if (const std::optional<long double> graded = library::grade_points(ratings_, cell_text)) {
      score.points = *graded;  // 优, 良, A, B… by the [ratings] table or the default one
      return score;
    }
    const NumberCell points = parse_number(cell_text);
    const long double value =
        static_cast<long double>(points.value.units()) / Decimal::kUnitsPerOne;
    if (points.status == CellStatus::Value && points.notation.percent) {
      // 85% would be 0.85 points out of 100: a score is points, not a share.
      std::string_view written = cell_text;
      for (std::string_view sign : {"%", "\xEF\xBC\x85"}) {  // % and the full-width ％
        if (written.ends_with(sign)) {
          written = trim_cell(written.substr(0, written.size() - sign.size()));
        }
      }
      fail(record_.line, *columns_[kScore] + 1,
           fmt::format("score \"{}\" is a percentage; scores are points from 0 to 100: write "
                       "{}, not {}",
                       cell_text, written, cell_text));
    }
    if (points.status != CellStatus::Value || value < 0 || value > 100) {
      fail(record_.line, *columns_[kScore] + 1,
           fmt::format("score \"{}\" is not a number from 0 to 100 nor a grade (优/良/中/差, "
                       "A/B/C/D or one of [ratings] points)",
                       cell(kScore)));
    }
    score.points = value;
    return score;
  }

  // The rater kind, canonical (自评, 上级, 同事, 下级); "" without the column or in an empty cell.
  std::string read_rater() const {
    const std::string text = cell(kRater);
    if (text.empty()) {
      return "";
    }
    if (std::optional<std::string> kind = library::rater_kind(text)) {
      return *kind;
    }
    fail(record_.line, *columns_[kRater] + 1,
         fmt::format("rater \"{}\" is not a rater kind; expected {}", text,
                     library::rater_kinds_text()));
  }

  time::Period read_period() const {
    const std::string text = cell(kPeriod);
    if (auto period = time::parse_written_period(text, calendar_)) {
      return *period;
    }
    fail(record_.line, *columns_[kPeriod] + 1,
         text.empty() ? std::string("the period is empty: a score is for one period")
                      : fmt::format("period \"{}\" is not a period; write {}", text,
                                    time::written_period_forms()));
  }

  std::string resolve_kpi(const std::string& text) const {
    std::vector<std::string> names;
    std::vector<std::string> named;  // the ids of the qualitative KPIs `text` names
    for (const KpiInfo& kpi : kpis_) {
      if (kpi.qualitative && (kpi.id == text || kpi.name == text)) {
        named.push_back(fmt::format("\"{}\"", kpi.id));
      }
      if (kpi.qualitative) {
        names.push_back(kpi.id);
        names.push_back(kpi.name);
      }
    }
    if (named.size() == 1) {
      return named.front().substr(1, named.front().size() - 2);
    }
    if (named.size() > 1) {
      fail(record_.line, *columns_[kKpi] + 1,
           fmt::format("\"{}\" names {} KPIs: {}; write the id of the one meant", text,
                       named.size(), fmt::join(named, ", ")));
    }
    fail(record_.line, *columns_[kKpi] + 1,
         fmt::format("\"{}\" is not a qualitative KPI of the library{}", text,
                     did_you_mean(text, names)));
  }

  csv::Reader& reader_;
  std::span<const KpiInfo> kpis_;
  time::Calendar calendar_;
  const library::Ratings* ratings_;
  std::array<std::optional<std::size_t>, kColumnCount> columns_;
  csv::Record record_;
};

}  // namespace

std::vector<ManualScore> load_scores(const std::string& path, std::span<const KpiInfo> kpis,
                                     const time::Calendar& calendar,
                                     const library::Ratings* ratings) {
  return as_table_errors([&] {
    csv::ReaderOptions options;
    options.strict = true;
    const auto reader = csv::Reader::open(path, options);
    return ScoresReader(*reader, kpis, calendar, ratings).read();
  });
}

std::optional<long double> find_score(const std::vector<ManualScore>& scores,
                                      const std::string& scorecard, const std::string& entity,
                                      const std::string& kpi, const time::Period& period) {
  for (const ManualScore& score : scores) {
    if (score.scorecard == scorecard && score.entity == entity && score.kpi == kpi &&
        time::same_days(score.period, period)) {
      return score.points;
    }
  }
  return std::nullopt;
}

}  // namespace kpi::score
