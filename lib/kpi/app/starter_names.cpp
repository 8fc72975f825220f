// SPDX-License-Identifier: MIT
#include "kpi/app/starter_names.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <vector>

namespace kpi::app {
namespace {

// A word of export headers and its English, or an accented letter and its ASCII reading.
struct Word {
  std::string_view chinese;
  std::string_view english;
};

// The words of Chinese export headers, so that a library's fields read as what they hold: a
// name of pinyin or of column numbers would send the user back to the export to decode it.
// At each position the longest matching word wins (单号 before 号).
constexpr Word kWords[] = {
    {"订单", "order"},
    {"编号", "id"},
    {"单号", "order_no"},
    {"号", "no"},
    {"流水", "serial"},
    {"创建", "created"},
    {"下单", "ordered"},
    {"付款", "paid"},
    {"支付", "paid"},
    {"实际", "actual"},
    {"实收", "received"},
    {"实付", "paid"},
    {"应收", "receivable"},
    {"时间", "time"},
    {"日期", "date"},
    {"金额", "amount"},
    {"总", "total"},
    {"买家", "buyer"},
    {"卖家", "seller"},
    {"退款", "refund"},
    {"收货", "delivery"},
    {"地址", "address"},
    {"门店", "store"},
    {"店铺", "shop"},
    {"店", "store"},
    {"名称", "name"},
    {"名", "name"},
    {"姓名", "name"},
    {"会员", "member"},
    {"卡号", "card"},
    {"客户", "customer"},
    {"顾客", "customer"},
    {"商品", "product"},
    {"产品", "product"},
    {"品类", "category"},
    {"类别", "category"},
    {"数量", "qty"},
    {"单价", "price"},
    {"价格", "price"},
    {"成本", "cost"},
    {"折扣", "discount"},
    {"利润", "profit"},
    {"渠道", "channel"},
    {"区域", "region"},
    {"城市", "city"},
    {"省", "province"},
    {"员工", "staff"},
    {"顾问", "adviser"},
    {"项目", "item"},
    {"手机", "phone"},
    {"电话", "phone"},
    {"状态", "status"},
    {"备注", "remark"},
    {"交易", "trade"},
    {"销售", "sales"},
    {"收入", "revenue"},
    {"类型", "type"},
    {"方式", "method"},
    {"支付方式", "payment_method"},
    {"部门", "dept"},
    {"人数", "people"},
    {"评分", "score"},
    {"满意度", "satisfaction"},
    {"预约", "booking"},
    {"到店", "arrival"},
    {"成交", "deal"},
    {"优惠", "discount"},
    {"运费", "freight"},
    {"营业额", "turnover"},
};

// Accented Latin letters, read as their base letter inside a word (Vacía → vacia, Größe →
// groesse), so that Spanish, French or German headers keep their words whole.
constexpr Word kLatin[] = {
    {"á", "a"},  {"à", "a"}, {"â", "a"}, {"ã", "a"}, {"ä", "ae"}, {"å", "a"},  {"ç", "c"},
    {"é", "e"},  {"è", "e"}, {"ê", "e"}, {"ë", "e"}, {"í", "i"},  {"ì", "i"},  {"î", "i"},
    {"ï", "i"},  {"ñ", "n"}, {"ó", "o"}, {"ò", "o"}, {"ô", "o"},  {"õ", "o"},  {"ö", "oe"},
    {"ø", "o"},  {"ú", "u"}, {"ù", "u"}, {"û", "u"}, {"ü", "ue"}, {"ß", "ss"}, {"Á", "a"},
    {"É", "e"},  {"Í", "i"}, {"Ó", "o"}, {"Ú", "u"}, {"Ñ", "n"},  {"Ä", "ae"}, {"Ö", "oe"},
    {"Ü", "ue"}, {"Ç", "c"},
};

// Words of the expression language that cannot name a field (see expr/lexer.cpp and what
// `having` reads).
constexpr std::string_view kReserved[] = {"and",  "or",    "not",  "in",   "is",
                                          "null", "false", "true", "rows", "is_new"};

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// The length of the UTF-8 character that starts with `lead` (1 for a stray byte).
std::size_t utf8_length(unsigned char lead) {
  return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

const Word* longest_word_at(std::string_view text) {
  const Word* best = nullptr;
  for (const Word& word : kWords) {
    if (text.starts_with(word.chinese) &&
        (best == nullptr || word.chinese.size() > best->chinese.size())) {
      best = &word;
    }
  }
  return best;
}

const Word* latin_letter_at(std::string_view text) {
  for (const Word& letter : kLatin) {
    if (text.starts_with(letter.chinese)) {
      return &letter;
    }
  }
  return nullptr;
}

std::vector<std::string> words_of(std::string_view name) {
  std::vector<std::string> words;
  std::string current;
  const auto end_word = [&] {
    if (!current.empty()) {
      words.push_back(current);
      current.clear();
    }
  };
  std::size_t i = 0;
  while (i < name.size()) {
    const char c = name[i];
    if (is_ascii_alnum(c)) {
      // A capital after a small letter starts a word: InvoiceNo → invoice, no.
      if (is_upper(c) && !current.empty() && is_lower(name[i - 1])) {
        end_word();
      }
      current += lower(c);
      ++i;
      continue;
    }
    if (const Word* letter = latin_letter_at(name.substr(i))) {
      current += letter->english;
      i += letter->chinese.size();
      continue;
    }
    end_word();
    if (static_cast<unsigned char>(c) < 0x80) {
      ++i;
      continue;
    }
    if (const Word* word = longest_word_at(name.substr(i))) {
      words.emplace_back(word->english);
      i += word->chinese.size();
    } else {
      i += utf8_length(static_cast<unsigned char>(c));
    }
  }
  end_word();
  return words;
}

}  // namespace

std::string ascii_name(std::string_view name, std::string_view fallback) {
  std::string joined;
  std::string_view previous;
  for (const std::string& word : words_of(name)) {
    if (word == previous) {
      continue;  // 实付金额 and 付款金额 both say "paid"; paid_paid says nothing more
    }
    joined += joined.empty() ? word : fmt::format("_{}", word);
    previous = word;
  }
  if (joined.empty()) {
    return std::string(fallback);
  }
  if (joined.front() >= '0' && joined.front() <= '9') {
    return fmt::format("c{}", joined);
  }
  if (std::find(std::begin(kReserved), std::end(kReserved), joined) != std::end(kReserved)) {
    return fmt::format("{}_field", joined);
  }
  return joined;
}

std::string unique_name(const std::string& name, std::set<std::string>& taken) {
  std::string candidate = name;
  for (int n = 2; taken.contains(candidate); ++n) {
    candidate = fmt::format("{}_{}", name, n);
  }
  taken.insert(candidate);
  return candidate;
}

}  // namespace kpi::app
