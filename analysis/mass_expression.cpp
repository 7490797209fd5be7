#include "analysis/mass_expression.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>

#include "algorithms/errors.hpp"
#include "analysis/common_parameters.hpp"

namespace rs {

struct MassExpression::Node {
  char op = 0;  // 'n' number, 'f' field, 'u' unary minus, 'c' function call, else + - * / ^
  double number = 0;
  std::string name;  // field or function
  std::unique_ptr<Node> left, right;
};

namespace {

using Node = MassExpression::Node;

class Parser {
 public:
  explicit Parser(const std::string& text) : s_(text) {}

  std::unique_ptr<Node> parse() {
    auto n = sum();
    skip();
    if (pos_ < s_.size()) fail("unexpected '" + std::string(1, s_[pos_]) + "'");
    return n;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw UsageError("mass expression '" + s_ + "': " + what + " at position " + std::to_string(pos_ + 1));
  }
  void skip() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  bool accept(char c) {
    skip();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  static std::unique_ptr<Node> binary(char op, std::unique_ptr<Node> l, std::unique_ptr<Node> r) {
    auto n = std::make_unique<Node>();
    n->op = op;
    n->left = std::move(l);
    n->right = std::move(r);
    return n;
  }
  std::unique_ptr<Node> sum() {
    auto n = product();
    for (;;) {
      if (accept('+')) n = binary('+', std::move(n), product());
      else if (accept('-')) n = binary('-', std::move(n), product());
      else return n;
    }
  }
  std::unique_ptr<Node> product() {
    auto n = power();
    for (;;) {
      if (accept('*')) n = binary('*', std::move(n), power());
      else if (accept('/')) n = binary('/', std::move(n), power());
      else return n;
    }
  }
  std::unique_ptr<Node> power() {
    auto n = unary();
    if (accept('^')) return binary('^', std::move(n), power());  // right-associative
    return n;
  }
  std::unique_ptr<Node> unary() {
    if (accept('-')) {
      auto n = std::make_unique<Node>();
      n->op = 'u';
      n->left = unary();
      return n;
    }
    return primary();
  }
  static bool name_char(char c, bool first) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalpha(u) || c == '_' || u >= 0x80 || (!first && std::isdigit(u));
  }
  std::unique_ptr<Node> primary() {
    skip();
    if (pos_ >= s_.size()) fail("expression ends too early");
    auto n = std::make_unique<Node>();
    const char c = s_[pos_];
    if (c == '(') {
      ++pos_;
      n = sum();
      if (!accept(')')) fail("missing ')'");
      return n;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
      const char* start = s_.c_str() + pos_;
      char* end = nullptr;
      n->op = 'n';
      n->number = std::strtod(start, &end);
      if (end == start) fail("bad number");
      pos_ += static_cast<std::size_t>(end - start);
      return n;
    }
    if (c == '"') {
      const std::size_t close = s_.find('"', pos_ + 1);
      if (close == std::string::npos) fail("missing closing '\"'");
      n->op = 'f';
      n->name = s_.substr(pos_ + 1, close - pos_ - 1);
      pos_ = close + 1;
      return n;
    }
    if (!name_char(c, true)) fail("unexpected '" + std::string(1, c) + "'");
    const std::size_t start = pos_;
    while (pos_ < s_.size() && name_char(s_[pos_], false)) ++pos_;
    n->name = s_.substr(start, pos_ - start);
    if (accept('(')) {
      if (n->name != "sqrt" && n->name != "log" && n->name != "exp" && n->name != "abs")
        fail("unknown function '" + n->name + "' (sqrt, log, exp, abs)");
      n->op = 'c';
      n->left = sum();
      if (!accept(')')) fail("missing ')'");
      return n;
    }
    n->op = 'f';
    return n;
  }

  std::string s_;
  std::size_t pos_ = 0;
};

void collect(const Node& n, std::vector<std::string>& out) {
  if (n.op == 'f') {
    for (auto& f : out)
      if (f == n.name) return;
    out.push_back(n.name);
  }
  if (n.left) collect(*n.left, out);
  if (n.right) collect(*n.right, out);
}

double eval(const Node& n, const std::map<std::string, const std::vector<double>*>& columns, std::size_t row) {
  switch (n.op) {
    case 'n': return n.number;
    case 'f': return (*columns.at(n.name))[row];
    case 'u': return -eval(*n.left, columns, row);
    case 'c': {
      const double v = eval(*n.left, columns, row);
      if (n.name == "sqrt") return std::sqrt(v);
      if (n.name == "log") return std::log(v);
      if (n.name == "exp") return std::exp(v);
      return std::fabs(v);
    }
    default: break;
  }
  const double a = eval(*n.left, columns, row), b = eval(*n.right, columns, row);
  switch (n.op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '^': return std::pow(a, b);
  }
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

MassExpression::MassExpression(const std::string& text) : text_(text), root_(Parser(text).parse()) {}
MassExpression::~MassExpression() = default;
MassExpression::MassExpression(MassExpression&&) noexcept = default;
MassExpression& MassExpression::operator=(MassExpression&&) noexcept = default;

std::vector<std::string> MassExpression::fields() const {
  std::vector<std::string> out;
  collect(*root_, out);
  return out;
}

std::vector<double> MassExpression::evaluate(const geo::Layer& layer, Feedback& feedback) const {
  std::vector<geo::NumericColumn> columns;
  std::map<std::string, const std::vector<double>*> by_name;
  const auto names = fields();
  columns.reserve(names.size());
  for (auto& f : names) {
    if (!layer.has_field(f))
      layer.field_index(f);  // throws DataError naming the field and those available
    columns.push_back(numeric_field(layer, f, feedback));
  }
  for (std::size_t k = 0; k < names.size(); ++k) by_name[names[k]] = &columns[k].values;
  std::vector<double> out(layer.size());
  std::size_t undefined = 0;
  for (std::size_t i = 0; i < layer.size(); ++i) {
    bool missing = false;
    for (auto& c : columns) missing = missing || std::isnan(c.values[i]);
    out[i] = missing ? std::numeric_limits<double>::quiet_NaN() : eval(*root_, by_name, i);
    if (!missing && !std::isfinite(out[i])) {
      out[i] = std::numeric_limits<double>::quiet_NaN();
      ++undefined;
    }
  }
  if (undefined)
    feedback.warning("mass '" + text_ + "' is undefined (not finite) for " + std::to_string(undefined) +
                     " unit(s), left out");
  return out;
}

}  // namespace rs
