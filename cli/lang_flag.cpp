// SPDX-License-Identifier: MIT
#include "lang_flag.hpp"

#include <cstdlib>

namespace kpi::cli {

void add_lang_flag(CLI::App& command, std::string& lang) {
  command
      .add_option("--lang", lang,
                  "Labels in zh or en (default: the library's [report] lang, else zh for a zh_* "
                  "locale in LC_ALL, LC_MESSAGES or LANG, else en); csv, tsv and json stay English")
      ->type_name("LANG")
      ->check(CLI::IsMember({"zh", "en"}));
}

app::PresentationRequest presentation_request(const std::string& lang) {
  app::PresentationRequest request;
  request.lang = report::find_lang(lang);
  request.locale = report::lang_from_locale(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"),
                                            std::getenv("LANG"));
  return request;
}

}  // namespace kpi::cli
