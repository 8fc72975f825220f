// SPDX-License-Identifier: MIT
#include "kpi/value/number_parser.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string_view>

namespace {

constexpr std::string_view kNotANumber = "is not a number";
constexpr std::string_view kBadGrouping =
    "is not a number (thousands separators must group 3 digits)";
constexpr std::string_view kOutOfRange = "is out of range (numbers are limited to ±9.2 × 10¹²)";

// The value of `text` in millionths; fails the test when `text` is not a value.
std::int64_t units_of(std::string_view text) {
  const kpi::NumberCell cell = kpi::parse_number(text);
  INFO("cell: \"", text, "\", problem: ", cell.problem);
  CHECK(cell.status == kpi::CellStatus::Value);
  return cell.value.units();
}

std::string_view problem_of(std::string_view text) {
  const kpi::NumberCell cell = kpi::parse_number(text);
  INFO("cell: \"", text, "\"");
  CHECK(cell.status == kpi::CellStatus::Invalid);
  return cell.problem;
}

}  // namespace

TEST_SUITE("value.number_parser") {
  TEST_CASE("plain and grouped numbers") {
    CHECK(units_of("0") == 0);
    CHECK(units_of("42") == 42'000000);
    CHECK(units_of("1234.5") == 1234'500000);
    CHECK(units_of("1,234.50") == 1234'500000);
    CHECK(units_of("1,234,567") == 1'234'567'000000);
    CHECK(units_of(".5") == 500000);
    CHECK(units_of("5.") == 5'000000);
    CHECK(units_of("  12  ") == 12'000000);
    CHECK(units_of("+12") == 12'000000);
    CHECK(units_of("-0.01") == -10000);
    CHECK(units_of("007") == 7'000000);
  }

  TEST_CASE("currency prefixes and a trailing 元") {
    CHECK(units_of("¥1,234.50") == 1234'500000);
    CHECK(units_of("￥1,234.50") == 1234'500000);
    CHECK(units_of("$99.99") == 99'990000);
    CHECK(units_of("€5") == 5'000000);
    CHECK(units_of("RMB 80") == 80'000000);
    CHECK(units_of("CNY80") == 80'000000);
    CHECK(units_of("¥ 12") == 12'000000);
    CHECK(units_of("1,234元") == 1234'000000);
    CHECK(units_of("12.5 元") == 12'500000);
    CHECK(units_of("¥100元") == 100'000000);
  }

  TEST_CASE("signs before or after the currency") {
    CHECK(units_of("-¥12") == -12'000000);
    CHECK(units_of("¥-12") == -12'000000);
    CHECK(units_of("- ¥ 12") == -12'000000);
    CHECK(units_of("RMB -3.5") == -3'500000);
    CHECK(units_of("-12元") == -12'000000);
    CHECK(problem_of("-¥-12") == kNotANumber);
  }

  TEST_CASE("万 and 亿 multiply") {
    CHECK(units_of("8万") == 80000'000000);
    CHECK(units_of("1.2万元") == 12000'000000);
    CHECK(units_of("3亿") == 300'000'000'000000);
    CHECK(units_of("1.5亿") == 150'000'000'000000);
    CHECK(units_of("¥2.35万") == 23500'000000);
    CHECK(units_of("0.00001万") == 100000);
    CHECK(units_of("-8 万") == -80000'000000);
  }

  TEST_CASE("percentages are fractions") {
    CHECK(units_of("35%") == 350000);
    CHECK(units_of("35.25%") == 352500);
    CHECK(units_of("35％") == 350000);
    CHECK(units_of("３５．２５％") == 352500);
    CHECK(units_of("100%") == 1'000000);
    CHECK(units_of("-2.5 %") == -25000);
    CHECK(units_of("0.00005%") == 1);  // 0.0000005 rounds up to one unit
  }

  TEST_CASE("accounting negatives") {
    CHECK(units_of("(1,234.00)") == -1234'000000);
    CHECK(units_of("(12)") == -12'000000);
    CHECK(units_of("( 12 )") == -12'000000);
    CHECK(units_of("(¥1,234.00)") == -1234'000000);
    CHECK(units_of("（１，２３４．００）") == -1234'000000);
    CHECK(problem_of("()") == kNotANumber);
  }

  TEST_CASE("full-width digits and signs") {
    CHECK(units_of("１２３．５") == 123'500000);
    CHECK(units_of("－１２") == -12'000000);
    CHECK(units_of("￥１，２３４．５０") == 1234'500000);
    CHECK(units_of("　１２　") == 12'000000);  // ideographic spaces
  }

  TEST_CASE("exponents") {
    CHECK(units_of("1.5E+3") == 1500'000000);
    CHECK(units_of("1.5e3") == 1500'000000);
    CHECK(units_of("25E-2") == 250000);
    CHECK(units_of("1e-6") == 1);
    CHECK(units_of("1e-7") == 0);
    CHECK(units_of("5e-7") == 1);
    CHECK(units_of("0e99999") == 0);
    CHECK(units_of("1e-99999") == 0);
    CHECK(problem_of("1e") == kNotANumber);
    CHECK(problem_of("1e+") == kNotANumber);
    CHECK(problem_of("1e400") == kOutOfRange);
  }

  TEST_CASE("more than six decimals round half away from zero") {
    CHECK(units_of("0.0000005") == 1);
    CHECK(units_of("-0.0000005") == -1);
    CHECK(units_of("0.00000049") == 0);
    CHECK(units_of("-0.00000049") == 0);
    CHECK(units_of("0.0000015") == 2);
    CHECK(units_of("0.000000500001") == 1);
    CHECK(units_of("0.0000004999999") == 0);
    CHECK(units_of("1.23456749") == 1'234567);
    CHECK(units_of("1.2345675") == 1'234568);
    CHECK(units_of("-1.2345675") == -1'234568);
  }

  TEST_CASE("many decimals are rounded, not out of range") {
    // A computed column may carry more than 30 significant digits; the value still fits.
    CHECK(units_of("0.1234567890123456789012345678901") == 123457);
    CHECK(units_of("1.0000000000000000000000000000000") == 1'000000);
  }

  TEST_CASE("missing tokens") {
    for (std::string_view text :
         {"", " ", "-", "—", "--", "N/A", "NULL", "null", "NA", "#N/A", "None", "－", "　"}) {
      INFO("cell: \"", text, "\"");
      const kpi::NumberCell cell = kpi::parse_number(text);
      CHECK(cell.status == kpi::CellStatus::Missing);
      CHECK(cell.value.units() == 0);
      CHECK(cell.problem.empty());
    }
  }

  TEST_CASE("invalid cells say why") {
    CHECK(problem_of("12,3a") == kBadGrouping);
    CHECK(problem_of("1,23") == kBadGrouping);
    CHECK(problem_of("1,2345") == kBadGrouping);
    CHECK(problem_of("1234,567") == kBadGrouping);
    CHECK(problem_of(",123") == kBadGrouping);
    CHECK(problem_of("abc") == kNotANumber);
    CHECK(problem_of("1.2.3") == kNotANumber);
    CHECK(problem_of("¥") == kNotANumber);
    CHECK(problem_of("%") == kNotANumber);
    CHECK(problem_of("万元") == kNotANumber);
    CHECK(problem_of(".") == kNotANumber);
    CHECK(problem_of("12 34") == kNotANumber);
    CHECK(problem_of("1.234,56") == kNotANumber);
    CHECK(problem_of("--5") == kNotANumber);
    CHECK(problem_of("12abc") == kNotANumber);
  }

  TEST_CASE("out of range") {
    CHECK(problem_of("99999999999999") == kOutOfRange);
    CHECK(problem_of("-99999999999999") == kOutOfRange);
    CHECK(problem_of("9223372036854.775808") == kOutOfRange);
    CHECK(problem_of("1000000亿") == kOutOfRange);
    CHECK(units_of("9223372036854.775807") == 9'223'372'036'854'775807);
    CHECK(units_of("-9223372036854.775807") == -9'223'372'036'854'775807);
    CHECK(units_of("9223372036854") == 9'223'372'036'854'000000);
  }

  TEST_CASE("notation records each decoration") {
    const kpi::NumberNotation plain = kpi::parse_number("1234.5").notation;
    CHECK_FALSE(plain.currency);
    CHECK_FALSE(plain.percent);
    CHECK_FALSE(plain.multiplier);
    CHECK_FALSE(plain.grouped);

    CHECK(kpi::parse_number("¥12").notation.currency);
    CHECK(kpi::parse_number("￥12").notation.currency);
    CHECK(kpi::parse_number("RMB 12").notation.currency);
    CHECK(kpi::parse_number("12元").notation.currency);
    CHECK_FALSE(kpi::parse_number("12元").notation.multiplier);
    // The symbol a report shows such money with: yuan however it is written.
    CHECK(kpi::parse_number("￥12").notation.currency_symbol == "¥");
    CHECK(kpi::parse_number("CNY 12").notation.currency_symbol == "¥");
    CHECK(kpi::parse_number("12元").notation.currency_symbol == "¥");
    CHECK(kpi::parse_number("-$12.50").notation.currency_symbol == "$");
    CHECK(kpi::parse_number("€ 12").notation.currency_symbol == "€");
    CHECK(kpi::parse_number("12").notation.currency_symbol == "");

    const kpi::NumberNotation percent = kpi::parse_number("35％").notation;
    CHECK(percent.percent);
    CHECK_FALSE(percent.multiplier);
    CHECK_FALSE(percent.currency);

    CHECK(kpi::parse_number("8万").notation.multiplier);
    CHECK(kpi::parse_number("3亿").notation.multiplier);
    CHECK_FALSE(kpi::parse_number("8万").notation.currency);

    const kpi::NumberNotation all = kpi::parse_number("(¥1,234.5万元)").notation;
    CHECK(all.currency);
    CHECK(all.multiplier);
    CHECK(all.grouped);
    CHECK_FALSE(all.percent);

    CHECK(kpi::parse_number("1,234").notation.grouped);
    CHECK_FALSE(kpi::parse_number("1234").notation.grouped);
    CHECK(kpi::parse_number("１，２３４").notation.grouped);
  }

  TEST_CASE("plain decimals read the same on the fast path as on the general one") {
    // A leading blank sends a cell down the general path.
    for (const char* text : {"0", "-0", "7", "1234.50", "-3", "0.125", "000012.5", "999999999999",
                             "1234567890123", "99999999999999999999999", "1.123456", "1.1234567",
                             "-0.000001", "1.", ".5", "-", "1-2", "12a", "1e3"}) {
      CAPTURE(text);
      const kpi::NumberCell fast = kpi::parse_number(text);
      const kpi::NumberCell general = kpi::parse_number(std::string(" ") + text);
      CHECK(fast.status == general.status);
      CHECK(fast.value.units() == general.value.units());
    }
    CHECK(kpi::parse_number("1234.50").value.units() == 1'234'500'000);
    CHECK(kpi::parse_number("-0.000001").value.units() == -1);
  }

  TEST_CASE("a sign inside accounting parentheses is a contradiction, not a double negative") {
    constexpr std::string_view kSignInParentheses =
        "is not a number (parentheses already make a number negative: write -5 or (5))";
    CHECK(problem_of("(-5)") == kSignInParentheses);
    CHECK(problem_of("(-1,234.00)") == kSignInParentheses);
    CHECK(problem_of("(¥-5)") == kSignInParentheses);
    CHECK(units_of("(5)") == -5'000'000);
    CHECK(units_of("-5") == -5'000'000);
  }
}

TEST_SUITE("value.number_parser") {
  TEST_CASE("a decimal comma with a thousands dot, space or none") {
    const auto units = [](std::string_view text, kpi::NumberFormat format) {
      const kpi::NumberCell cell = kpi::parse_number(text, format);
      INFO("cell: \"", text, "\", problem: ", cell.problem);
      CHECK(cell.status == kpi::CellStatus::Value);
      return cell.value.units();
    };
    const kpi::NumberFormat comma{',', '.'};
    CHECK(units("1.234,56", comma) == 1234'560000);
    CHECK(units("2,55", comma) == 2'550000);
    CHECK(units("1,250", comma) == 1'250000);
    CHECK(units("1250", comma) == 1250'000000);
    CHECK(units("-0,01", comma) == -10000);
    CHECK(units("(1.234,00)", comma) == -1234'000000);
    CHECK(units("€ 12.000,00", comma) == 12000'000000);
    CHECK(units("12,5%", comma) == 125000);
    CHECK(units("1.234.567", comma) == 1'234'567'000000);
    CHECK(units("1 234,56", {',', ' '}) == 1234'560000);
    CHECK(units("1\xC2\xA0"
                "234,56",
                {',', ' '}) == 1234'560000);  // no-break space
    CHECK(units("1234,5", {',', '\0'}) == 1234'500000);
    CHECK(kpi::parse_number("1.5", comma).status == kpi::CellStatus::Invalid);
    CHECK(kpi::parse_number("1,234.56", comma).status == kpi::CellStatus::Invalid);
    CHECK(kpi::parse_number("1.234,56", {',', '\0'}).status == kpi::CellStatus::Invalid);
    // The default format reads as parse_number always did.
    CHECK(units("1,250", {}) == 1250'000000);
  }

  TEST_CASE("what a cell says about the decimal mark") {
    using kpi::DecimalEvidence;
    CHECK(kpi::decimal_evidence("2,55") == DecimalEvidence::Comma);
    CHECK(kpi::decimal_evidence("1.234,56") == DecimalEvidence::Comma);
    CHECK(kpi::decimal_evidence("1.234.567") == DecimalEvidence::Comma);
    CHECK(kpi::decimal_evidence("2.55") == DecimalEvidence::Point);
    CHECK(kpi::decimal_evidence("1,234.56") == DecimalEvidence::Point);
    CHECK(kpi::decimal_evidence("1,234,567") == DecimalEvidence::Point);
    CHECK(kpi::decimal_evidence("1,250") == DecimalEvidence::Ambiguous);
    CHECK(kpi::decimal_evidence("1.250") == DecimalEvidence::Ambiguous);
    CHECK(kpi::decimal_evidence("12") == DecimalEvidence::Neutral);
    CHECK(kpi::decimal_evidence("¥5") == DecimalEvidence::Neutral);
    CHECK(kpi::decimal_evidence("Madrid") == DecimalEvidence::None);
    CHECK(kpi::decimal_evidence("03/06/2025") == DecimalEvidence::None);
  }
}
