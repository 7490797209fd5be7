#include "analysis/year_grouping_feedback.hpp"

#include <algorithm>
#include <cctype>

namespace rs {
namespace {

// The first field-name year ("_2011'") replaced by {year}.
std::string without_year(const std::string& message, std::string& year) {
  for (std::size_t i = 0; i + 6 <= message.size(); ++i) {
    if (message[i] != '_') continue;
    std::size_t j = i + 1;
    while (j < message.size() && std::isdigit(static_cast<unsigned char>(message[j]))) ++j;
    if (j - i - 1 == 4 && (j == message.size() || !std::isalnum(static_cast<unsigned char>(message[j])))) {
      year = message.substr(i + 1, 4);
      return message.substr(0, i + 1) + "{year}" + message.substr(j);
    }
  }
  return message;
}

}  // namespace

void YearGroupingFeedback::hold(Held& held, const std::string& message) {
  std::string year;
  const std::string generic = without_year(message, year);
  for (auto& [text, years] : held)
    if (text == generic) {
      // The same warning given again for a year already held says nothing new: list the year once.
      if (!year.empty() && std::find(years.begin(), years.end(), year) == years.end()) years.push_back(year);
      return;
    }
  held.emplace_back(generic, year.empty() ? std::vector<std::string>{} : std::vector<std::string>{year});
}

void YearGroupingFeedback::warning(const std::string& message) { hold(held_, message); }

void YearGroupingFeedback::info(const std::string& message) {
  if (hold_infos_) hold(infos_, message);
  else inner_.info(message);
}

void YearGroupingFeedback::print(Held& held, bool warnings) {
  for (auto& [text, years] : held) {
    std::string message = text;
    const std::string key = "{year}";
    if (years.size() == 1) {
      message.replace(message.find(key), key.size(), years.front());
    } else if (!years.empty()) {
      message.replace(message.find(key), key.size(), "{year}");
      // In calendar order, however the fields came (a bivariate run meets --field2's year first
      // or last): years of the same number of digits sort as text.
      std::stable_sort(years.begin(), years.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
      });
      message += " (years: ";
      for (std::size_t k = 0; k < years.size(); ++k) message += (k ? ", " : "") + years[k];
      message += ")";
    }
    if (warnings) inner_.warning(message);
    else inner_.info(message);
  }
  held.clear();
}

void YearGroupingFeedback::flush() {
  print(infos_, false);
  print(held_, true);
}

}  // namespace rs
