// SPDX-License-Identifier: MIT
#include "kpi/app/starter_roles.hpp"

#include <string>
#include <string_view>

namespace kpi::app {
namespace {

using csv::ColumnType;

// Header words, matched against the header in lower case. Earlier words are better evidence:
// 实收 (received) is the sales of a POS export, where a bare 金额 may be any amount.
constexpr std::string_view kAmountWords[] = {
    "实收",          "实付",     "实际支付",    "支付金额",
    "付款金额",      "成交金额", "销售额",      "销售金额",
    "营业额",        "金额",     "sales",       "revenue",
    "payment_value", "amount",   "expenditure", "accounts_payable",
    "importe",       "monto",    "umsatz",      "total"};
// Amounts that are not sales: summing refunds, costs or unit prices as sales would be wrong.
constexpr std::string_view kNotSales[] = {"退款",  "成本",   "折扣",   "优惠",     "单价",
                                          "运费",  "refund", "cost",   "discount", "profit",
                                          "price", "tax",    "freight"};
constexpr std::string_view kOrderWords[] = {"订单号",  "订单编号",  "单号",       "流水号",
                                            "小票号",  "交易号",    "order id",   "order_id",
                                            "orderid", "invoiceno", "invoice no", "invoice"};
constexpr std::string_view kCustomerWords[] = {"会员",     "客户",   "顾客",   "买家",
                                               "customer", "member", "client", "buyer"};
// A customer column that holds something about customers rather than who they are.
constexpr std::string_view kNotCustomer[] = {"满意",  "评分",  "地址",    "数",   "金额",
                                             "时间",  "score", "segment", "type", "address",
                                             "count", "city",  "amount",  "time", "date"};
// A customer identifier is better than a customer name: names repeat, cards do not.
constexpr std::string_view kIdentifierWords[] = {"id", "号", "编号", "卡", "code", "no"};

std::string lower_ascii(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return lowered;
}

template <std::size_t N>
bool contains_any(const std::string& header, const std::string_view (&words)[N]) {
  for (const std::string_view word : words) {
    if (header.find(word) != std::string::npos) {
      return true;
    }
  }
  return false;
}

bool is_amount_type(ColumnType type) {
  return type == ColumnType::Money || type == ColumnType::Number;
}
bool is_key_type(ColumnType type) { return type == ColumnType::Text || type == ColumnType::Number; }

std::optional<std::size_t> find_time(const std::vector<csv::ColumnProfile>& columns) {
  for (const ColumnType wanted : {ColumnType::DateTime, ColumnType::Date}) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].type == wanted) {
        return i;
      }
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> find_amount(const std::vector<csv::ColumnProfile>& columns) {
  for (const std::string_view word : kAmountWords) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const std::string header = lower_ascii(columns[i].name);
      if (is_amount_type(columns[i].type) && header.find(word) != std::string::npos &&
          !contains_any(header, kNotSales)) {
        return i;
      }
    }
  }
  // A column written with a currency sign is money, whatever its header says.
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].type == ColumnType::Money &&
        !contains_any(lower_ascii(columns[i].name), kNotSales)) {
      return i;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> find_order(const std::vector<csv::ColumnProfile>& columns) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (is_key_type(columns[i].type) && contains_any(lower_ascii(columns[i].name), kOrderWords)) {
      return i;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> find_customer(const std::vector<csv::ColumnProfile>& columns) {
  std::optional<std::size_t> first;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::string header = lower_ascii(columns[i].name);
    if (!is_key_type(columns[i].type) || !contains_any(header, kCustomerWords) ||
        contains_any(header, kNotCustomer)) {
      continue;
    }
    if (contains_any(header, kIdentifierWords)) {
      return i;
    }
    first = first ? first : i;
  }
  return first;
}

}  // namespace

ColumnRoles recognise_roles(const std::vector<csv::ColumnProfile>& columns) {
  return {find_time(columns), find_amount(columns), find_order(columns), find_customer(columns)};
}

}  // namespace kpi::app
