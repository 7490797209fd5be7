#include "algorithms/markov_chain.hpp"

#include <cmath>
#include <limits>
#include <string>

#include <Eigen/Dense>

#include "algorithms/errors.hpp"

namespace rs::markov {
namespace {

std::size_t size_of(const Matrix& p) {
  for (const auto& row : p)
    if (row.size() != p.size()) throw DataError("a transition matrix must be square");
  return p.size();
}

// reach[i][j]: j can be reached from i in zero or more steps (Warshall's closure; K is small).
std::vector<std::vector<bool>> reachability(const Matrix& p) {
  const std::size_t k = p.size();
  std::vector<std::vector<bool>> reach(k, std::vector<bool>(k, false));
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = 0; j < k; ++j) reach[i][j] = i == j || p[i][j] > 0;
  for (std::size_t m = 0; m < k; ++m)
    for (std::size_t i = 0; i < k; ++i)
      if (reach[i][m])
        for (std::size_t j = 0; j < k; ++j)
          if (reach[m][j]) reach[i][j] = true;
  return reach;
}

// The stationary distribution of an irreducible stochastic matrix by the
// Grassmann-Taksar-Heyman elimination, which uses no subtraction and so stays accurate for
// nearly decomposable chains (the algorithm quantecon, hence giddy, uses too).
std::vector<double> gth_stationary(Matrix a) {
  const std::size_t m = a.size();
  for (std::size_t k = m; k-- > 1;) {
    double scale = 0;
    for (std::size_t j = 0; j < k; ++j) scale += a[k][j];
    for (std::size_t i = 0; i < k; ++i) a[i][k] /= scale;
    for (std::size_t i = 0; i < k; ++i)
      for (std::size_t j = 0; j < k; ++j) a[i][j] += a[i][k] * a[k][j];
  }
  std::vector<double> x(m, 0.0);
  x[0] = 1.0;
  double total = 1.0;
  for (std::size_t k = 1; k < m; ++k) {
    for (std::size_t i = 0; i < k; ++i) x[k] += x[i] * a[i][k];
    total += x[k];
  }
  for (double& v : x) v /= total;
  return x;
}

}  // namespace

Matrix transition_counts(const std::vector<std::vector<int>>& class_ids, int classes) {
  if (classes < 1) throw UsageError("a Markov chain needs at least one class");
  Matrix counts(classes, std::vector<double>(classes, 0.0));
  for (const auto& row : class_ids) {
    for (std::size_t t = 0; t < row.size(); ++t)
      if (row[t] < 0 || row[t] >= classes)
        throw DataError("class " + std::to_string(row[t] + 1) + " is outside 1.." + std::to_string(classes));
    for (std::size_t t = 0; t + 1 < row.size(); ++t) counts[row[t]][row[t + 1]] += 1;
  }
  return counts;
}

std::vector<double> row_totals(const Matrix& counts) {
  std::vector<double> totals;
  for (const auto& row : counts) {
    double s = 0;
    for (double v : row) s += v;
    totals.push_back(s);
  }
  return totals;
}

Matrix transition_probabilities(const Matrix& counts) {
  Matrix p = counts;
  const std::vector<double> totals = row_totals(counts);
  for (std::size_t i = 0; i < p.size(); ++i)
    if (totals[i] > 0)
      for (double& v : p[i]) v /= totals[i];
  return p;
}

Matrix with_empty_rows_absorbing(const Matrix& p) {
  Matrix out = p;
  const std::vector<double> totals = row_totals(p);
  for (std::size_t i = 0; i < out.size(); ++i)
    if (totals[i] == 0) out[i][i] = 1.0;
  return out;
}

ChainStructure chain_structure(const Matrix& p) {
  const std::size_t k = size_of(p);
  const auto reach = reachability(p);
  ChainStructure s;
  std::vector<bool> assigned(k, false);
  for (std::size_t i = 0; i < k; ++i) {
    if (assigned[i]) continue;
    std::vector<int> members;
    for (std::size_t j = i; j < k; ++j)
      if (reach[i][j] && reach[j][i]) {
        members.push_back(static_cast<int>(j));
        assigned[j] = true;
      }
    bool closed = true;
    for (int a : members)
      for (std::size_t b = 0; b < k; ++b)
        if (p[a][b] > 0 && !(reach[b][a] && reach[a][b])) closed = false;
    s.communication_classes.push_back(members);
    if (closed) s.recurrent_classes.push_back(members);
  }
  return s;
}

std::vector<std::vector<double>> stationary_distributions(const Matrix& p) {
  const std::size_t k = size_of(p);
  std::vector<std::vector<double>> out;
  for (const auto& members : chain_structure(p).recurrent_classes) {
    Matrix sub(members.size(), std::vector<double>(members.size()));
    for (std::size_t a = 0; a < members.size(); ++a)
      for (std::size_t b = 0; b < members.size(); ++b) sub[a][b] = p[members[a]][members[b]];
    const std::vector<double> pi = gth_stationary(sub);
    std::vector<double> full(k, 0.0);
    for (std::size_t a = 0; a < members.size(); ++a) full[members[a]] = pi[a];
    out.push_back(full);
  }
  return out;
}

Matrix mean_first_passage_times(const Matrix& p) {
  const std::size_t k = size_of(p);
  const double inf = std::numeric_limits<double>::infinity();
  const auto reach = reachability(p);
  Matrix m(k, std::vector<double>(k, inf));
  for (std::size_t j = 0; j < k; ++j) {
    // States that enter j with probability 1: every state they can reach before entering j can
    // still reach j. From the others the expected time is infinite.
    std::vector<std::size_t> sure;
    for (std::size_t i = 0; i < k; ++i) {
      if (i == j) continue;
      std::vector<bool> seen(k, false);
      std::vector<std::size_t> stack{i};
      seen[i] = true;
      bool certain = true;
      while (!stack.empty() && certain) {
        const std::size_t s = stack.back();
        stack.pop_back();
        if (!reach[s][j]) certain = false;
        for (std::size_t t = 0; t < k; ++t)
          if (p[s][t] > 0 && t != j && !seen[t]) {
            seen[t] = true;
            stack.push_back(t);
          }
      }
      if (certain) sure.push_back(i);
    }
    // m_i = 1 + sum_{l in sure} P_il m_l for i in sure (from them the chain stays in sure or
    // enters j).
    const auto n = static_cast<Eigen::Index>(sure.size());
    if (n > 0) {
      Eigen::MatrixXd a = Eigen::MatrixXd::Identity(n, n);
      for (Eigen::Index r = 0; r < n; ++r)
        for (Eigen::Index c = 0; c < n; ++c) a(r, c) -= p[sure[r]][sure[c]];
      const Eigen::VectorXd times = a.fullPivLu().solve(Eigen::VectorXd::Ones(n));
      for (Eigen::Index r = 0; r < n; ++r) m[sure[r]][j] = times(r);
    }
    // Recurrence time: one step, then the passage time from where that step lands.
    double recurrence = 1.0;
    for (std::size_t l = 0; l < k; ++l)
      if (l != j && p[j][l] > 0) recurrence += p[j][l] * m[l][j];
    m[j][j] = recurrence;
  }
  return m;
}

MarkovChain chain_from_counts(const Matrix& counts) {
  MarkovChain c;
  c.classes = static_cast<int>(size_of(counts));
  c.transitions = counts;
  c.row_totals = row_totals(counts);
  c.probabilities = transition_probabilities(counts);
  const Matrix stochastic = with_empty_rows_absorbing(c.probabilities);
  c.structure = chain_structure(stochastic);
  c.steady_states = stationary_distributions(stochastic);
  c.mfpt = mean_first_passage_times(stochastic);
  return c;
}

MarkovChain estimate_chain(const std::vector<std::vector<int>>& class_ids, int classes) {
  return chain_from_counts(transition_counts(class_ids, classes));
}

}  // namespace rs::markov
