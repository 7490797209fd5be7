// Breadth-first search from every unit along the links of its row (the neighbours of i, then
// their neighbours, ...), as spdep's nblag walks the neighbour lists. Unit j is a neighbour of order s of unit i when the
// shortest path from i to j has s links; nblag(order) keeps s == order, nblag_cumul s <= order.
#include "algorithms/higher_order.hpp"

#include <stdexcept>
#include <vector>

namespace rs {

SpatialWeights higher_order(const SpatialWeights& w, int order, bool cumulative) {
  if (order < 1) throw std::invalid_argument("higher-order weights need order >= 1");
  const std::size_t n = w.size();
  const auto& offsets = w.offsets();
  const auto& indices = w.indices();
  std::vector<std::vector<std::size_t>> lists(n);
  // stamp[v] == source: v already reached from this source (saves clearing a visited array).
  std::vector<std::size_t> stamp(n, n);
  std::vector<std::size_t> frontier, next;
  for (std::size_t source = 0; source < n; ++source) {
    stamp[source] = source;
    frontier.assign(1, source);
    for (int s = 1; s <= order && !frontier.empty(); ++s) {
      next.clear();
      for (std::size_t u : frontier)
        for (std::size_t k = offsets[u]; k < offsets[u + 1]; ++k) {
          const std::size_t v = indices[k];
          if (stamp[v] == source) continue;
          stamp[v] = source;
          next.push_back(v);
          if (cumulative || s == order) lists[source].push_back(v);
        }
      frontier.swap(next);
    }
  }
  return SpatialWeights::from_lists(w.ids(), lists);
}

}  // namespace rs
