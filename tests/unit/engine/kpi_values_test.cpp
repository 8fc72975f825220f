// SPDX-License-Identifier: MIT
// The engine end to end on exports written by the test, against hand-computed values.
#include "kpi/engine/kpi_values.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>
#include <map>

#include "kpi/library/library_loader.hpp"
#include "test_support.hpp"

namespace {

const std::string kPos =
    "单号,交易时间,门店编码,会员卡号,渠道,实收金额,成本金额\n"
    "A1,2024-06-10 10:00,SH01,M1,到店,\"¥1,000.00\",400\n"
    "A2,2025-05-03 11:00,SH01,M1,到店,500.00,200\n"
    "A3,2025-05-20 12:00,BJ02,,美团,300.00,100\n"
    "A4,2025-06-01 09:00,SH01,M1,到店,\"1,200.50\",500\n"
    "A5,2025-06-02 10:00,SH01,M2,美团,800.00,300\n"
    "A6,2025-06-15 15:30,BJ02,M3,美团,(100.00),-40\n"
    "A7,2025-06-20 18:00,BJ02,M3,到店,12a,50\n"
    "A8,,BJ02,M4,到店,999,1\n"
    "A9,2025-06-30 23:59,SH01,M1,到店,0.01,0\n";

const std::string kCrm =
    "预约日期,到店日期,门店编码\n"
    "2025-06-01,2025-06-01,SH01\n"
    "2025-06-05,,SH01\n"
    "2025-06-07,2025-06-08,BJ02\n"
    "2025-05-30,2025-06-01,BJ02\n";

const std::string kLibrary = R"toml(
[sources.pos]
files = "pos.csv"
time = "time"
[sources.pos.fields]
time = { column = "交易时间", type = "datetime" }
store = "门店编码"
member = "会员卡号"
channel = "渠道"
amount = { column = "实收金额", type = "money" }
cost = { column = "成本金额", type = "money" }
region = { lookup = "stores.region", key = "store" }
city = { lookup = "stores.city", key = "store" }

[sources.stores]
files = "stores.csv"
[sources.stores.fields]
store = "门店编码"
area = { column = "面积", type = "number" }
region = "区域"
city = "城市"

[sources.crm]
files = "crm.csv"
time = "booked"
[sources.crm.fields]
booked = { column = "预约日期", type = "date" }
arrived = { column = "到店日期", type = "date" }
store = "门店编码"

[measures.sales]
source = "pos"
sum = "amount"
[measures.cost]
source = "pos"
sum = "cost"
[measures.rows]
source = "pos"
count = "*"
[measures.amounts]
source = "pos"
count = "amount"
[measures.members]
source = "pos"
count_distinct = "member"
[measures.avg_amount]
source = "pos"
avg = "amount"
[measures.min_amount]
source = "pos"
min = "amount"
[measures.max_amount]
source = "pos"
max = "amount"
[measures.median_amount]
source = "pos"
median = "amount"
[measures.meituan_sales]
source = "pos"
sum = "amount"
filter = 'channel == "美团" and amount > 0'
[measures.bookings]
source = "crm"
count = "*"
[measures.shows]
source = "crm"
count = "*"
filter = "arrived is not null"

[measures.repeat_members]
source = "pos"
count_distinct = "member"
per = "member"
having = "rows >= 2"
[measures.big_member_sales]
source = "pos"
sum = "amount"
per = "member"
having = "sum(amount) > 1000"

[measures.channels_of_members]
source = "pos"
count_distinct = "channel"
per = "member"
having = "rows >= 1"

[measures.new_members]
source = "pos"
count_distinct = "member"
per = "member"
having = "is_new"
[measures.returning_sales]
source = "pos"
sum = "amount"
per = "member"
having = "not is_new"

[measures.retained_members]
source = "pos"
count_distinct = "member"
per = "member"
having = "not lost"
[measures.lost_members]
source = "pos"
count_distinct = "member"
per = "member"
having = "lost"

[measures.area]
source = "stores"
sum = "area"
[measures.east_sales]
source = "pos"
sum = "amount"
filter = 'region == "华东"'

[kpis.sales]
formula = "sales"
[kpis.sales_per_m2]
formula = "sales / area"
[kpis.east_sales]
formula = "east_sales"
[kpis.retained_members]
formula = "retained_members"
[kpis.lost_members]
formula = "lost_members"
[kpis.new_members]
formula = "new_members"
[kpis.returning_sales]
formula = "returning_sales"
[kpis.three_months]
formula = "rolling(sales, 3)"
[kpis.lifetime]
formula = "to_date(sales)"
[kpis.repeat_members]
formula = "repeat_members"
[kpis.big_member_sales]
formula = "big_member_sales"
[kpis.channels_of_members]
formula = "channels_of_members"
[kpis.rows]
formula = "rows"
[kpis.amounts]
formula = "amounts"
[kpis.members]
formula = "members"
[kpis.avg_amount]
formula = "avg_amount"
[kpis.min_amount]
formula = "min_amount"
[kpis.max_amount]
formula = "max_amount"
[kpis.median_amount]
formula = "median_amount"
[kpis.meituan_sales]
formula = "meituan_sales"
[kpis.margin]
formula = "(sales - cost) / sales"
[kpis.mom]
formula = "(sales - prev(sales)) / prev(sales)"
[kpis.yoy]
formula = "sales / last_year(sales) - 1"
[kpis.show_rate]
formula = "shows / bookings"
[measures.bookings_or_zero]
source = "crm"
count = "*"
no_rows = 0
[kpis.bookings_or_zero]
formula = "bookings_or_zero"
[kpis.sales_per_booking]
formula = "sales / bookings"
[kpis.zero_division]
formula = "sales / (rows - rows)"
)toml";

struct Values {
  std::map<std::string, std::optional<long double>> whole;
  std::map<std::string, std::optional<long double>> by;  // "kpi/value"
  kpi::engine::DataQuality quality;
};

Values compute(const std::string& period, const std::string& by = "",
               const std::string& calendar = "") {
  kpi::test::TempDir dir;
  dir.write("pos.csv", kPos);
  dir.write("crm.csv", kCrm);
  dir.write("stores.csv", "门店编码,面积,区域,城市\nSH01,100,华东,上海\nBJ02,50,华北,北京\n");
  const auto library = kpi::library::load_library(dir.write("kpi.toml", calendar + kLibrary));
  const auto compiled = kpi::library::compile_library(library);
  kpi::engine::ValuesRequest request;
  request.periods = {kpi::time::parse_period(period, library.calendar, 0)};
  request.by = by;
  auto result = kpi::engine::compute_values(compiled, request);
  Values values;
  for (const auto& row : result.rows) {
    const std::string& id = library.kpis[row.kpi].id;
    if (row.by_field.empty()) {
      values.whole[id] = row.value;
    } else {
      values.by[id + "/" + row.by_value] = row.value;
    }
  }
  values.quality = std::move(result.quality);
  return values;
}

// Values are long double; money is exact to the cent, ratios to well past six digits.
bool near(const std::optional<long double>& value, long double expected) {
  return value.has_value() && std::fabs(*value - expected) < 1e-9L;
}

// A POS source of dated rows, for libraries written by the tests below.
const std::string kDailyPos = R"toml(
[sources.pos]
files = "pos.csv"
time = "time"
[sources.pos.fields]
time = { column = "时间", type = "date" }
store = "门店"
item = "项目"
amount = { column = "金额", type = "money" }
member = "会员"
)toml";

// The values of a library written to `dir` for June 2025, by "kpi/breakdown value" ("kpi/"
// for the whole).
std::map<std::string, std::optional<long double>> june_values(const kpi::test::TempDir& dir,
                                                              const std::string& toml) {
  const auto library = kpi::library::load_library(dir.write("kpi.toml", toml));
  const auto compiled = kpi::library::compile_library(library);
  kpi::engine::ValuesRequest request;
  request.periods = {kpi::time::parse_period("2025-06", library.calendar, 0)};
  request.with_whole = true;
  std::map<std::string, std::optional<long double>> values;
  for (const auto& row : kpi::engine::compute_values(compiled, request).rows) {
    values[library.kpis[row.kpi].id + "/" + row.by_value] = row.value;
  }
  return values;
}

}  // namespace

TEST_SUITE("engine.kpi_values") {
  TEST_CASE("every aggregate, with a filter, over one month") {
    const Values values = compute("2025-06");
    CHECK(near(values.whole.at("sales"), 1900.51L));  // the bad cell "12a" is missing
    CHECK(near(values.whole.at("rows"), 5));          // the row without a time is left out
    CHECK(near(values.whole.at("amounts"), 4));
    CHECK(near(values.whole.at("members"), 3));
    CHECK(near(values.whole.at("avg_amount"), 475.1275L));
    CHECK(near(values.whole.at("min_amount"), -100));
    CHECK(near(values.whole.at("max_amount"), 1200.5L));
    CHECK(near(values.whole.at("median_amount"), 400.005L));
    CHECK(near(values.whole.at("meituan_sales"), 800));
    CHECK(near(values.whole.at("margin"), 1090.51L / 1900.51L));
  }

  TEST_CASE("previous period and same period last year") {
    const Values values = compute("2025-06");
    CHECK(near(values.whole.at("mom"), 1.3756375L));
    CHECK(near(values.whole.at("yoy"), 0.90051L));
  }

  TEST_CASE("no rows in a period or a division by zero give no value") {
    const Values values = compute("2025-05");
    CHECK(near(values.whole.at("sales"), 800));
    CHECK_FALSE(values.whole.at("mom").has_value());  // April 2025 has no rows
    CHECK_FALSE(values.whole.at("yoy").has_value());
    CHECK_FALSE(values.whole.at("zero_division").has_value());
    CHECK_FALSE(compute("2023-01").whole.at("sales").has_value());
  }

  TEST_CASE("per-entity measures count only the keys whose own aggregates pass") {
    const Values values = compute("2025-06");
    CHECK(near(values.whole.at("repeat_members"), 2));           // M1 and M3 have two rows each
    CHECK(near(values.whole.at("big_member_sales"), 1200.51L));  // only M1 spent over 1000
    const Values by_store = compute("2025-06", "store");
    CHECK(near(by_store.by.at("repeat_members/SH01"), 1));  // M1; M2 bought once
    CHECK(near(by_store.by.at("repeat_members/BJ02"), 1));  // M3
    // Distinct values over the passing keys: M1, M2 and M3 bought through 到店 and 美团.
    CHECK(near(values.whole.at("channels_of_members"), 2));
  }

  TEST_CASE("measures that share a filter each get their own value from it") {
    // One filter, written three ways, judged once per row: the distinct members (whose
    // missing member leaves the row out of that measure alone) must not leave it out of the
    // sum, and the filter that differs by one letter must not share the answer.
    kpi::test::TempDir dir;
    dir.write("pos.csv",
              "时间,门店,项目,金额,会员\n"
              "2025-06-01,SH01,面部护理,100,M1\n"
              "2025-06-02,SH01,面部护理,40,\n"
              "2025-06-02,SH01,背部护理,250,M2\n"
              "2025-06-03,BJ02,面部护理,7,M3\n"
              "2025-06-03,BJ02,产品,99.5,M3\n");
    const auto values = june_values(dir, kDailyPos + R"toml(
[measures.face_members]
source = "pos"
count_distinct = "member"
filter = "item in ['面部护理', '背部护理'] and not starts_with(item, '背')"
[measures.face_sales]
source = "pos"
sum = "amount"
filter = "item IN ['面部护理','背部护理'] AND NOT starts_with(item, \"背\")"
[measures.face_rows]
source = "pos"
count = "*"
filter = "item in ['面部护理', '背部护理'] and not starts_with(item, '背部')"
[measures.other_rows]
source = "pos"
count = "*"
filter = "item in ['面部护理', '背部护理'] and not starts_with(item, '面')"
[kpis.face_members]
formula = "face_members"
[kpis.face_sales]
formula = "face_sales"
[kpis.face_rows]
formula = "face_rows"
[kpis.other_rows]
formula = "other_rows"
)toml");
    CHECK(near(values.at("face_members/"), 2));  // M1 and M3
    CHECK(near(values.at("face_sales/"), 147));  // 100 + 40 + 7
    CHECK(near(values.at("face_rows/"), 3));
    CHECK(near(values.at("other_rows/"), 1));  // the 背部护理 row alone
  }

  TEST_CASE("distinct counts of long texts, numbers and dates, with missing values") {
    kpi::test::TempDir dir;
    dir.write("pos.csv",
              "时间,门店,项目,金额,会员\n"
              "2025-06-01,SH01,面部深层清洁护理疗程,100,M1\n"
              "2025-06-02,SH01,面部深层清洁护理疗程,100.00,\n"
              "2025-06-02,SH01,背部护理,250,M1\n"
              "2025-06-03,BJ02,面部深层清洁护理疗程,,M2\n"
              "2025-06-03,BJ02,,99.5,M3\n"
              "2025-06-04,BJ02,背部护理,99.50,M3\n");
    const auto values = june_values(dir, kDailyPos + R"toml(
[measures.items]
source = "pos"
count_distinct = "item"
[measures.amounts]
source = "pos"
count_distinct = "amount"
[measures.days]
source = "pos"
count_distinct = "time"
[measures.members]
source = "pos"
count_distinct = "member"
[kpis.items]
formula = "items"
by = "store"
[kpis.amounts]
formula = "amounts"
by = "store"
[kpis.days]
formula = "days"
by = "store"
[kpis.members]
formula = "members"
by = "store"
)toml");
    // The 27-byte item name is one value however often it comes; a missing cell is none.
    CHECK(near(values.at("items/"), 2));
    CHECK(near(values.at("items/SH01"), 2));
    CHECK(near(values.at("items/BJ02"), 2));
    // 100 and 100.00 are one amount, as are 99.5 and 99.50.
    CHECK(near(values.at("amounts/"), 3));
    CHECK(near(values.at("amounts/SH01"), 2));
    CHECK(near(values.at("amounts/BJ02"), 1));
    CHECK(near(values.at("days/"), 4));
    CHECK(near(values.at("days/SH01"), 2));
    CHECK(near(values.at("members/SH01"), 1));
    CHECK(near(values.at("members/BJ02"), 2));
  }

  TEST_CASE("per-entity keys added rows later still land in their own store") {
    // Keys are held back for a few rows before they are added; meanwhile new stores (and
    // with them new key tables) keep appearing. Each store's repeat members are counted here
    // from the rows themselves.
    std::string csv = "时间,门店,项目,金额,会员\n";
    std::map<std::string, std::map<std::string, int>> rows_of;
    for (int r = 0; r < 900; ++r) {
      const std::string store = fmt::format("S{}", r / 15);
      const std::string member = fmt::format("M{}", (r * 7) % 11);
      csv += fmt::format("2025-06-{:02},{},,,{}\n", 1 + r % 28, store, member);
      ++rows_of[store][member];
    }
    kpi::test::TempDir dir;
    dir.write("pos.csv", csv);
    const auto values = june_values(dir, kDailyPos + R"toml(
[measures.repeat_members]
source = "pos"
count_distinct = "member"
per = "member"
having = "rows >= 2"
[kpis.repeat_members]
formula = "repeat_members"
by = "store"
)toml");
    REQUIRE(values.size() == 61);  // 60 stores and the whole
    // Not a structured binding: CHECK_MESSAGE captures `store` in a lambda, which clang 14 refuses.
    for (const auto& store_members : rows_of) {
      const std::string& store = store_members.first;
      int repeat = 0;
      for (const auto& [member, rows] : store_members.second) {
        repeat += rows >= 2 ? 1 : 0;
      }
      CHECK_MESSAGE(near(values.at("repeat_members/" + store), repeat), store);
    }
  }

  TEST_CASE("a having of rows alone holds for each key by its own count, however large") {
    // Keys with 1 to 90 rows each, judged by a having true for a scattered set of counts,
    // some of them beyond the counts that are judged once and remembered.
    std::string csv = "时间,门店,项目,金额,会员\n";
    for (int member = 1; member <= 90; ++member) {
      for (int row = 0; row < member; ++row) {
        csv += fmt::format("2025-06-{:02},SH01,,,M{}\n", 1 + row % 28, member);
      }
    }
    kpi::test::TempDir dir;
    dir.write("pos.csv", csv);
    const auto values = june_values(dir, kDailyPos + R"toml(
[measures.picked]
source = "pos"
count_distinct = "member"
per = "member"
having = "rows == 1 or rows == 3 or rows == 63 or rows == 64 or rows == 70 or rows > 88"
[kpis.picked]
formula = "picked"
by = "store"
)toml");
    CHECK(near(values.at("picked/SH01"), 7));  // 1, 3, 63, 64, 70, 89 and 90 rows
  }

  TEST_CASE("first seen: keys whose first row in all history falls in the period") {
    const Values values = compute("2025-06");
    CHECK(near(values.whole.at("new_members"), 2));             // M2 and M3; M1 came in 2024
    CHECK(near(values.whole.at("returning_sales"), 1200.51L));  // M1's June rows
  }

  TEST_CASE("churn: keys of the previous period with or without rows in this one") {
    const Values june = compute("2025-06");
    CHECK(near(june.whole.at("retained_members"), 1));  // M1 bought in May and in June
    CHECK(near(june.whole.at("lost_members"), 0));
    const Values may = compute("2025-05");
    CHECK_FALSE(may.whole.at("lost_members").has_value());  // April has no rows
  }

  TEST_CASE("lookups: fields of a master table, for filters, breakdowns and formulas") {
    const Values by_store = compute("2025-06", "store");
    CHECK(near(by_store.by.at("sales_per_m2/SH01"), 2000.51L / 100));
    CHECK(near(by_store.by.at("sales_per_m2/BJ02"), -100.0L / 50));
    const Values whole = compute("2025-06");
    CHECK(near(whole.whole.at("east_sales"), 2000.51L));
    const Values by_region = compute("2025-06", "region");
    CHECK(near(by_region.by.at("sales/华东"), 2000.51L));
    CHECK(near(by_region.by.at("sales/华北"), -100));
    // A second lookup field in the same source keeps the first one's values intact.
    const Values by_city = compute("2025-06", "city");
    CHECK(near(by_city.by.at("sales/上海"), 2000.51L));
    CHECK(near(by_city.by.at("sales/北京"), -100));
  }

  TEST_CASE("no_rows = 0: a period without rows in the source counts 0") {
    CHECK(near(compute("2025-06").whole.at("bookings_or_zero"), 3));
    CHECK(near(compute("2025-04").whole.at("bookings_or_zero"), 0));
    CHECK_FALSE(compute("2025-04").whole.at("show_rate").has_value());
  }

  TEST_CASE("rolling and cumulative windows") {
    const Values values = compute("2025-06");
    CHECK(near(values.whole.at("three_months"), 2700.51L));  // April (none) + May + June
    CHECK(near(values.whole.at("lifetime"), 3700.51L));      // everything up to 2025-06-30
  }

  TEST_CASE("a second source in the same formula") {
    const Values values = compute("2025-06");
    CHECK(near(values.whole.at("show_rate"), 2.0L / 3.0L));
    CHECK(near(values.whole.at("sales_per_booking"), 1900.51L / 3));
  }

  TEST_CASE("--by breaks every KPI down, aligning sources on the shared field") {
    const Values values = compute("2025-06", "store");
    CHECK(near(values.by.at("sales/SH01"), 2000.51L));
    CHECK(near(values.by.at("sales/BJ02"), -100));
    CHECK(near(values.by.at("show_rate/SH01"), 0.5L));
    CHECK(near(values.by.at("show_rate/BJ02"), 1));
    CHECK(near(values.by.at("sales_per_booking/SH01"), 1000.255L));
    CHECK(values.by.size() == 2 * 27);
  }

  TEST_CASE("a breakdown field only one source has leaves the other whole") {
    const Values values = compute("2025-06", "channel");
    CHECK(near(values.by.at("sales/到店"), 1200.51L));
    CHECK(near(values.by.at("sales/美团"), 700));
    CHECK(near(values.by.at("sales_per_booking/美团"), 700.0L / 3));
  }

  TEST_CASE("a custom month cut-off moves every period") {
    // 2025-06 runs from 2025-05-26 to 2025-06-25: A9 on the 30th falls in 2025-07.
    const Values values = compute("2025-06", "", "[calendar]\nmonth_start_day = 26\n");
    CHECK(near(values.whole.at("sales"), 1900.50L));
    CHECK(near(values.whole.at("show_rate"), 0.75L));  // 2025-05-30 now counts
  }

  TEST_CASE("bad data is counted by reason with its first lines") {
    const Values values = compute("2025-06");
    const auto& problems = values.quality.problems();
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].reason ==
          "bad cells in column \"实收金额\" (field \"amount\"), read as missing");
    CHECK(problems[0].count == 1);
    CHECK(kpi::render(problems[0].first[0])
              .ends_with("pos.csv:8:6: column \"实收金额\": \"12a\" is not a number"));
    CHECK(problems[1].reason == "rows without a valid time, left out of every measure");
    CHECK(kpi::render(problems[1].first[0])
              .ends_with("pos.csv:9:2: row has no valid time in field \"time\": \"\" is missing"));
  }
}

TEST_SUITE("engine.kpi_values") {
  TEST_CASE("per-key durations: first contact to first deal, averaged over customers") {
    kpi::test::TempDir dir;
    dir.write("events.csv",
              "客户,时间,事件\n"
              "C1,2025-06-01 10:00,接触\nC1,2025-06-04 10:00,成交\nC1,2025-06-09 10:00,成交\n"
              "C2,2025-06-02 09:00,接触\nC2,2025-06-02 21:00,接触\nC2,2025-06-03 09:00,成交\n"
              "C3,2025-06-05 09:00,接触\n");
    const auto library = kpi::library::load_library(dir.write("kpi.toml", R"toml(
[sources.crm]
files = "events.csv"
time = "time"
[sources.crm.fields]
customer = "客户"
time = { column = "时间", type = "datetime" }
event = "事件"

[measures.days_to_deal]
source = "crm"
per = "customer"
avg = 'days_between(min(when(event == "接触", time)), min(when(event == "成交", time)))'

[measures.customers_with_deal]
source = "crm"
count = 'max(when(event == "成交", time))'
per = "customer"

[kpis.days_to_deal]
formula = "days_to_deal"
[kpis.customers_with_deal]
formula = "customers_with_deal"
)toml"));
    const auto compiled = kpi::library::compile_library(library);
    kpi::engine::ValuesRequest request;
    request.periods = {kpi::time::parse_period("2025-06", library.calendar, 0)};
    const auto result = kpi::engine::compute_values(compiled, request);
    REQUIRE(result.rows.size() == 2);
    // C1: 3 days, C2: 1 day; C3 has no deal and is left out.
    CHECK(near(result.rows[0].value, 2));
    CHECK(near(result.rows[1].value, 2));
  }
}

TEST_SUITE("engine.kpi_values") {
  TEST_CASE("with a measures table, the table is the one file read, of no source") {
    kpi::test::TempDir dir;
    const auto library = kpi::library::load_library(dir.write("kpi.toml", kDailyPos + R"toml(
[measures.sales]
source = "pos"
sum = "amount"
[kpis.sales]
formula = "sales"
)toml"));
    const auto compiled = kpi::library::compile_library(library);
    kpi::engine::ValuesRequest request;
    request.periods = {kpi::time::parse_period("2025-06", library.calendar, 0)};
    // Three records: June's two, and May's, which the run does not read but did read through.
    request.measure_table = dir.write("measures.csv",
                                      "measure,period,breakdown_field,breakdown_value,value\n"
                                      "rows(pos),2025-06,,,2\n"
                                      "sales,2025-06,,,12.5\n"
                                      "sales,2025-05,,,7\n");
    const auto result = kpi::engine::compute_values(compiled, request);
    REQUIRE(result.rows.size() == 1);
    CHECK(near(result.rows[0].value, 12.5L));
    const auto& inputs = result.quality.inputs();
    REQUIRE(inputs.size() == 1);
    CHECK(inputs[0].measures_table);
    CHECK(inputs[0].source.empty());
    CHECK(inputs[0].file == request.measure_table);
    CHECK(inputs[0].records == 3);
    CHECK(inputs[0].skipped == 0);
    CHECK(inputs[0].left_out == 0);
    CHECK(result.quality.problems().empty());
  }
}
