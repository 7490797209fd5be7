// Warnings of a run over a panel of yearly fields, printed once each: messages that differ only
// by the year in a field's name ("field 'gdp_2011': 3 unit(s) excluded (3 NULL): 710000, ...")
// become one line with the years they concern. They are held until the run's end (flush() or
// the destructor), so they never break a progress line; with `hold_infos` (a panel of several
// fields) information lines are held and grouped the same way, printed before the warnings.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "algorithms/feedback.hpp"

namespace rs {

class YearGroupingFeedback : public Feedback {
 public:
  explicit YearGroupingFeedback(Feedback& inner, bool hold_infos = false) : inner_(inner), hold_infos_(hold_infos) {}
  ~YearGroupingFeedback() override { flush(); }
  YearGroupingFeedback(const YearGroupingFeedback&) = delete;
  YearGroupingFeedback& operator=(const YearGroupingFeedback&) = delete;

  void progress(double fraction) override { inner_.progress(fraction); }
  void info(const std::string& message) override;
  bool cancelled() const override { return inner_.cancelled(); }
  void warning(const std::string& message) override;
  // Prints the held information lines and warnings, each with its years.
  void flush();

 private:
  using Held = std::vector<std::pair<std::string, std::vector<std::string>>>;  // message with {year}, years
  static void hold(Held& held, const std::string& message);
  void print(Held& held, bool warnings);

  Feedback& inner_;
  bool hold_infos_;
  Held infos_, held_;
};

}  // namespace rs
