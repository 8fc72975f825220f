// SPDX-License-Identifier: MIT
// Names for what `kpi init --from` writes: a field or source name made from a column or file
// name, safe as a TOML bare key and as a name in expressions.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace kpi::app {

/// `name` as lower-case ASCII words joined by '_': ASCII words as written ("Order Date" →
/// order_date, "InvoiceNo" → invoice_no), common Chinese words of exports in English (订单编号
/// → order_id, 实收金额 → received_amount); other characters are dropped. `fallback` when
/// nothing is left. A name that would start with a digit or be a word of the expression
/// language (and, rows, is_new, …) gets a suffix.
std::string ascii_name(std::string_view name, std::string_view fallback);

/// `name`, or `name_2`, `name_3`, … when it is taken; the result is added to `taken`.
std::string unique_name(const std::string& name, std::set<std::string>& taken);

}  // namespace kpi::app
