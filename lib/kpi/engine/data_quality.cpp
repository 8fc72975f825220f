// SPDX-License-Identifier: MIT
#include "kpi/engine/data_quality.hpp"

#include <algorithm>
#include <set>

namespace kpi::engine {
namespace {

constexpr std::size_t kExamples = 3;

}  // namespace

DataProblem& DataQuality::entry(const std::string& source, const std::string& reason) {
  const auto found = std::find_if(problems_.begin(), problems_.end(), [&](const DataProblem& p) {
    return p.source == source && p.reason == reason;
  });
  if (found != problems_.end()) {
    return *found;
  }
  return problems_.emplace_back(DataProblem{source, reason, 0, {}});
}

void DataQuality::add_input(InputFile input) {
  const bool listed = std::any_of(inputs_.begin(), inputs_.end(), [&](const InputFile& known) {
    return known.source == input.source && known.file == input.file;
  });
  if (!listed) {
    inputs_.push_back(std::move(input));
  }
}

void DataQuality::record(const std::string& source, const std::string& reason, Diagnostic example) {
  DataProblem& problem = entry(source, reason);
  ++problem.count;
  if (problem.first.size() < kExamples) {
    problem.first.push_back(std::move(example));
  }
}

void DataQuality::record_many(const std::string& source, const std::string& reason,
                              std::uint64_t count, const std::vector<Diagnostic>& examples) {
  if (count == 0) {
    return;
  }
  DataProblem& problem = entry(source, reason);
  problem.count += count;
  for (const Diagnostic& example : examples) {
    if (problem.first.size() < kExamples) {
      problem.first.push_back(example);
    }
  }
}

void DataQuality::add_unlisted_sources(const DataQuality& other) {
  std::set<std::string> listed;
  for (const InputFile& input : inputs_) {
    if (!input.measures_table) {
      listed.insert(input.source);
    }
  }
  for (const InputFile& input : other.inputs_) {
    if (!input.measures_table && !listed.contains(input.source)) {
      add_input(input);
    }
  }
  for (const DataProblem& problem : other.problems_) {
    if (!listed.contains(problem.source)) {
      record_many(problem.source, problem.reason, problem.count, problem.first);
    }
  }
}

void DataQuality::merge(const DataQuality& part, std::uint64_t line_offset) {
  for (const DataProblem& problem : part.problems_) {
    std::vector<Diagnostic> examples = problem.first;
    for (Diagnostic& example : examples) {
      if (example.where.line != 0) {
        example.where.line += line_offset;
      }
    }
    record_many(problem.source, problem.reason, problem.count, examples);
  }
}

}  // namespace kpi::engine
