// Warnings of a run over a panel of yearly fields, printed once each: messages that differ only
// by the year in a field's name ("field 'gdp_2011': 3 unit(s) excluded (3 NULL): 710000, ...")
// become one line with the years they concern. They are held until the run's end (flush() or
// the destructor), so they never break a progress line.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "algorithms/feedback.hpp"

namespace rs {

class YearGroupingFeedback : public Feedback {
 public:
  explicit YearGroupingFeedback(Feedback& inner) : inner_(inner) {}
  ~YearGroupingFeedback() override { flush(); }
  YearGroupingFeedback(const YearGroupingFeedback&) = delete;
  YearGroupingFeedback& operator=(const YearGroupingFeedback&) = delete;

  void progress(double fraction) override { inner_.progress(fraction); }
  void info(const std::string& message) override { inner_.info(message); }
  bool cancelled() const override { return inner_.cancelled(); }
  void warning(const std::string& message) override;
  // Prints the held warnings, each with its years.
  void flush();

 private:
  Feedback& inner_;
  std::vector<std::pair<std::string, std::vector<std::string>>> held_;  // message with {year}, years
};

}  // namespace rs
