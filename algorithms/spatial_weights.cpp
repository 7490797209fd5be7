#include "algorithms/spatial_weights.hpp"

#include <algorithm>
#include <limits>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

namespace rs {

const char* style_code(WeightsStyle style) {
  switch (style) {
    case WeightsStyle::Binary: return "B";
    case WeightsStyle::Row: return "W";
    case WeightsStyle::VarianceStabilising: return "S";
    case WeightsStyle::Global: return "C";
    case WeightsStyle::Unstandardised: return "U";
  }
  return "U";
}

SpatialWeights SpatialWeights::from_lists(std::vector<std::string> ids,
                                          const std::vector<std::vector<std::size_t>>& neighbours,
                                          const std::vector<std::vector<double>>& weights,
                                          WeightsStyle style) {
  const std::size_t n = ids.size();
  if (neighbours.size() != n) throw std::invalid_argument("neighbour lists and ids differ in size");
  if (!weights.empty() && weights.size() != n)
    throw std::invalid_argument("weight lists and ids differ in size");
  SpatialWeights w;
  w.ids_ = std::move(ids);
  w.style_ = style;
  w.offsets_.assign(n + 1, 0);
  std::vector<std::pair<std::size_t, double>> row;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& nb = neighbours[i];
    if (!weights.empty() && weights[i].size() != nb.size())
      throw std::invalid_argument("weights of unit " + w.ids_[i] + " do not match its neighbours");
    row.clear();
    for (std::size_t k = 0; k < nb.size(); ++k) {
      if (nb[k] >= n) throw std::invalid_argument("neighbour index out of range");
      row.emplace_back(nb[k], weights.empty() ? 1.0 : weights[i][k]);
    }
    std::sort(row.begin(), row.end());
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (k > 0 && row[k].first == row[k - 1].first)
        throw std::invalid_argument("unit " + w.ids_[i] + " lists neighbour " +
                                    w.ids_[row[k].first] + " twice");
      w.indices_.push_back(row[k].first);
      w.weights_.push_back(row[k].second);
    }
    w.offsets_[i + 1] = w.indices_.size();
  }
  return w;
}

double SpatialWeights::row_sum(std::size_t i) const {
  double s = 0;
  for (std::size_t k = offsets_[i]; k < offsets_[i + 1]; ++k) s += weights_[k];
  return s;
}

double SpatialWeights::weight(std::size_t i, std::size_t j) const {
  auto first = indices_.begin() + static_cast<std::ptrdiff_t>(offsets_[i]);
  auto last = indices_.begin() + static_cast<std::ptrdiff_t>(offsets_[i + 1]);
  auto it = std::lower_bound(first, last, j);
  if (it == last || *it != j) return 0.0;
  return weights_[static_cast<std::size_t>(it - indices_.begin())];
}

bool SpatialWeights::has_self_links() const {
  for (std::size_t i = 0; i < size(); ++i)
    for (std::size_t k = offsets_[i]; k < offsets_[i + 1]; ++k)
      if (indices_[k] == i) return true;
  return false;
}

std::vector<std::size_t> SpatialWeights::islands() const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < size(); ++i) {
    bool has_other = false;
    for (std::size_t k = offsets_[i]; k < offsets_[i + 1]; ++k)
      if (indices_[k] != i) has_other = true;
    if (!has_other) out.push_back(i);
  }
  return out;
}

std::vector<int> SpatialWeights::component_labels() const {
  // Union-find over the undirected graph, so asymmetric weights (kNN) still form one component
  // when either direction links two units.
  const std::size_t n = size();
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](std::size_t a) {
    while (parent[a] != a) a = parent[a] = parent[parent[a]];
    return a;
  };
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = offsets_[i]; k < offsets_[i + 1]; ++k) {
      std::size_t a = find(i), b = find(indices_[k]);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
  std::vector<int> label(n, -1);
  std::unordered_map<std::size_t, int> root_label;
  int next = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t r = find(i);
    auto [it, inserted] = root_label.emplace(r, next);
    if (inserted) ++next;
    label[i] = it->second;
  }
  return label;
}

std::size_t SpatialWeights::component_count() const {
  auto labels = component_labels();
  int m = -1;
  for (int l : labels) m = std::max(m, l);
  return static_cast<std::size_t>(m + 1);
}

bool SpatialWeights::is_symmetric(double tolerance) const {
  for (std::size_t i = 0; i < size(); ++i)
    for (std::size_t k = offsets_[i]; k < offsets_[i + 1]; ++k) {
      std::size_t j = indices_[k];
      auto first = indices_.begin() + static_cast<std::ptrdiff_t>(offsets_[j]);
      auto last = indices_.begin() + static_cast<std::ptrdiff_t>(offsets_[j + 1]);
      auto it = std::lower_bound(first, last, i);
      if (it == last || *it != i) return false;
      double wji = weights_[static_cast<std::size_t>(it - indices_.begin())];
      if (std::abs(wji - weights_[k]) > tolerance * std::max(1.0, std::abs(wji))) return false;
    }
  return true;
}

SpatialWeights SpatialWeights::binary() const {
  SpatialWeights w = *this;
  std::fill(w.weights_.begin(), w.weights_.end(), 1.0);
  w.style_ = WeightsStyle::Binary;
  return w;
}

SpatialWeights SpatialWeights::row_standardised() const {
  SpatialWeights w = *this;
  for (std::size_t i = 0; i < size(); ++i) {
    double s = row_sum(i);
    if (s == 0) continue;
    for (std::size_t k = offsets_[i]; k < offsets_[i + 1]; ++k) w.weights_[k] /= s;
  }
  w.style_ = WeightsStyle::Row;
  return w;
}

SpatialWeights SpatialWeights::variance_stabilising() const {
  // spdep nb2listw style "S": w*_ij = w_ij / sqrt(sum_j w_ij^2), then scaled so that the sum of
  // all weights equals the number of units with neighbours.
  SpatialWeights w = *this;
  std::size_t with_neighbours = 0;
  double total = 0;
  for (std::size_t i = 0; i < size(); ++i) {
    double q = 0;
    for (std::size_t k = offsets_[i]; k < offsets_[i + 1]; ++k) q += weights_[k] * weights_[k];
    if (q == 0) continue;
    ++with_neighbours;
    q = std::sqrt(q);
    for (std::size_t k = offsets_[i]; k < offsets_[i + 1]; ++k) {
      w.weights_[k] = weights_[k] / q;
      total += w.weights_[k];
    }
  }
  if (total > 0)
    for (double& v : w.weights_) v *= static_cast<double>(with_neighbours) / total;
  w.style_ = WeightsStyle::VarianceStabilising;
  return w;
}

SpatialWeights SpatialWeights::transformed(WeightsStyle style) const {
  switch (style) {
    case WeightsStyle::Binary: return binary();
    case WeightsStyle::Row: return row_standardised();
    case WeightsStyle::VarianceStabilising: return variance_stabilising();
    case WeightsStyle::Global: {
      // spdep style "C": w_ij * n_with_neighbours / S0.
      SpatialWeights w = *this;
      std::size_t with_neighbours = 0;
      for (std::size_t i = 0; i < size(); ++i)
        if (neighbour_count(i) > 0) ++with_neighbours;
      double total = s0();
      if (total > 0)
        for (double& v : w.weights_) v *= static_cast<double>(with_neighbours) / total;
      w.style_ = WeightsStyle::Global;
      return w;
    }
    case WeightsStyle::Unstandardised: {
      SpatialWeights w = *this;
      w.style_ = WeightsStyle::Unstandardised;
      return w;
    }
  }
  return *this;
}

SpatialWeights SpatialWeights::symmetrised() const {
  std::vector<std::vector<std::size_t>> lists(size());
  for (std::size_t i = 0; i < size(); ++i)
    for (std::size_t k = offsets_[i]; k < offsets_[i + 1]; ++k) {
      lists[i].push_back(indices_[k]);
      lists[indices_[k]].push_back(i);
    }
  for (auto& l : lists) {
    std::sort(l.begin(), l.end());
    l.erase(std::unique(l.begin(), l.end()), l.end());
  }
  return from_lists(ids_, lists, {}, WeightsStyle::Binary);
}

// with_self and subset build the compressed rows directly, keeping each row
// sorted by neighbour index as from_lists does: at a million units, lists of lists would cost
// two small allocations per unit and hundreds of megabytes at the peak of a Gi* run.
SpatialWeights SpatialWeights::with_self(double self_weight, bool replace) const {
  SpatialWeights w;
  w.ids_ = ids_;
  w.style_ = style_;
  w.offsets_.assign(size() + 1, 0);
  w.indices_.reserve(indices_.size() + size());
  w.weights_.reserve(indices_.size() + size());
  for (std::size_t i = 0; i < size(); ++i) {
    bool placed = false;  // the self-link, present or added, is in the row
    for (std::size_t k = offsets_[i]; k < offsets_[i + 1]; ++k) {
      if (!placed && indices_[k] >= i) {
        placed = true;
        if (indices_[k] != i || replace) {
          w.indices_.push_back(i);
          w.weights_.push_back(self_weight);
          if (indices_[k] == i) continue;  // replaced
        }
      }
      w.indices_.push_back(indices_[k]);
      w.weights_.push_back(weights_[k]);
    }
    if (!placed) {
      w.indices_.push_back(i);
      w.weights_.push_back(self_weight);
    }
    w.offsets_[i + 1] = w.indices_.size();
  }
  return w;
}

SpatialWeights SpatialWeights::subset(const std::vector<std::size_t>& keep) const {
  constexpr std::size_t kDropped = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> new_index(size(), kDropped);
  for (std::size_t k = 0; k < keep.size(); ++k) new_index[keep[k]] = k;
  SpatialWeights w;
  w.style_ = style_;
  w.ids_.reserve(keep.size());
  w.offsets_.assign(keep.size() + 1, 0);
  std::vector<std::pair<std::size_t, double>> row;
  for (std::size_t k = 0; k < keep.size(); ++k) {
    const std::size_t i = keep[k];
    w.ids_.push_back(ids_[i]);
    row.clear();
    for (std::size_t e = offsets_[i]; e < offsets_[i + 1]; ++e)
      if (new_index[indices_[e]] != kDropped) row.emplace_back(new_index[indices_[e]], weights_[e]);
    std::sort(row.begin(), row.end());  // `keep` in any order renumbers the neighbours
    for (const auto& [j, weight] : row) {
      w.indices_.push_back(j);
      w.weights_.push_back(weight);
    }
    w.offsets_[k + 1] = w.indices_.size();
  }
  return w;
}

double SpatialWeights::s0() const { return std::accumulate(weights_.begin(), weights_.end(), 0.0); }

double SpatialWeights::s1() const {
  double s = 0;
  for (std::size_t i = 0; i < size(); ++i)
    for (std::size_t k = offsets_[i]; k < offsets_[i + 1]; ++k) {
      double v = weights_[k] + weight(indices_[k], i);
      s += v * v;
    }
  // Pairs present in only one direction were counted once, which is right: (w_ij + 0)^2.
  // Pairs in both directions were counted twice, once per direction: halve all.
  // For one-directional pairs the (w_ji + w_ij)^2 term of row j is missing, so add it.
  for (std::size_t i = 0; i < size(); ++i)
    for (std::size_t k = offsets_[i]; k < offsets_[i + 1]; ++k) {
      std::size_t j = indices_[k];
      auto first = indices_.begin() + static_cast<std::ptrdiff_t>(offsets_[j]);
      auto last = indices_.begin() + static_cast<std::ptrdiff_t>(offsets_[j + 1]);
      if (!std::binary_search(first, last, i)) s += weights_[k] * weights_[k];
    }
  return s / 2.0;
}

double SpatialWeights::s2() const {
  std::vector<double> out(size(), 0.0), in(size(), 0.0);
  for (std::size_t i = 0; i < size(); ++i)
    for (std::size_t k = offsets_[i]; k < offsets_[i + 1]; ++k) {
      out[i] += weights_[k];
      in[indices_[k]] += weights_[k];
    }
  double s = 0;
  for (std::size_t i = 0; i < size(); ++i) s += (out[i] + in[i]) * (out[i] + in[i]);
  return s;
}

}  // namespace rs
