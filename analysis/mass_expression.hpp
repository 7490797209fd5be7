// A small, safe arithmetic expression over numeric fields, for gravity masses such as
// sqrt(pop * gdp): numbers, field names, + - * / ^, parentheses and the functions sqrt, log, exp,
// abs. A field name that is not a plain identifier (spaces, dashes) is written in double quotes.
// Nothing else is evaluated: no SQL, no function calls beyond those four.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "algorithms/feedback.hpp"
#include "geo/layer.hpp"

namespace rs {

class MassExpression {
 public:
  // Parses `text`; throws UsageError pointing at the position of a syntax error.
  explicit MassExpression(const std::string& text);
  ~MassExpression();
  MassExpression(MassExpression&&) noexcept;
  MassExpression& operator=(MassExpression&&) noexcept;

  const std::string& text() const { return text_; }
  std::vector<std::string> fields() const;  // field names used, in order of appearance, unique

  // One value per feature; NaN where a field is missing or the result is not finite. Missing
  // values are reported as one counted warning per field (numeric_field).
  std::vector<double> evaluate(const geo::Layer& layer, Feedback& feedback) const;

  struct Node;

 private:
  std::string text_;
  std::unique_ptr<Node> root_;
};

}  // namespace rs
