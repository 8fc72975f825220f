// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kpi/core/diagnostic.hpp"

namespace kpi::engine {

/// Bad data met during a run, counted by source and reason with the first few places.
///
/// The rule, the same whatever KPIs the library defines: a cell that does not convert to its
/// field's type is missing for every measure; a row whose time is missing or invalid is left
/// out of every measure of its source; a record with the wrong number of fields is skipped.
struct DataProblem {
  std::string source;
  std::string reason;  ///< e.g. `column "实收金额" (field "amount"): not a number`
  std::uint64_t count = 0;
  std::vector<Diagnostic> first;
};

class DataQuality {
 public:
  void record(const std::string& source, const std::string& reason, Diagnostic example);
  void record_many(const std::string& source, const std::string& reason, std::uint64_t count,
                   const std::vector<Diagnostic>& examples);
  const std::vector<DataProblem>& problems() const { return problems_; }

 private:
  DataProblem& entry(const std::string& source, const std::string& reason);
  std::vector<DataProblem> problems_;
};

}  // namespace kpi::engine
