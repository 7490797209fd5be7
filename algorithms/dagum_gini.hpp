// Dagum's (1997) decomposition of the Gini coefficient by groups (regions), as METHODS.md writes
// it and as regional papers print it:
//   G    = sum_j sum_h sum_i sum_r |y_ji - y_hr| / (2 n^2 ybar)
//   G_jj = sum_i sum_r |y_ji - y_jr| / (2 n_j^2 ybar_j)
//   G_jh = sum_i sum_r |y_ji - y_hr| / (n_j n_h (ybar_j + ybar_h))
//   p_j = n_j / n,  s_j = n_j ybar_j / (n ybar)
//   G_w  = sum_j G_jj p_j s_j
//   with the groups ordered by decreasing mean (j before h means ybar_j >= ybar_h):
//   d_jh = mean over pairs of max(y_ji - y_hr, 0),  p_jh = mean of max(y_hr - y_ji, 0)
//   D_jh = (d_jh - p_jh) / (d_jh + p_jh)  (relative economic affluence, in [0, 1])
//   G_nb = sum_{j<h} G_jh (p_j s_h + p_h s_j) D_jh
//   G_t  = sum_{j<h} G_jh (p_j s_h + p_h s_j) (1 - D_jh)
//   G = G_w + G_nb + G_t exactly (up to rounding).
// Values must be finite and >= 0 with a positive total; every group needs a positive mean.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rs::dagum {

struct Group {
  std::string name;
  std::size_t n = 0;
  double mean = 0;
  double G_jj = 0;  // the Gini within the group
  double p = 0;     // n_j / n
  double s = 0;     // n_j ybar_j / (n ybar), the group's share of the total
  double contribution = 0;  // G_jj p_j s_j / G in %: the group's part of the within term
};

struct Pair {
  std::size_t a = 0, b = 0;  // indices into Decomposition::groups; a has the higher mean
  double G_jh = 0;
  double D_jh = 0;  // 0 when the two groups are identical constants (d_jh = p_jh = 0)
  double d_jh = 0, p_jh = 0;
  double net_between = 0;     // G_jh (p_a s_b + p_b s_a) D_jh
  double transvariation = 0;  // G_jh (p_a s_b + p_b s_a) (1 - D_jh)
};

struct Decomposition {
  std::size_t n = 0;
  double mean = 0;
  double G = 0;
  double G_w = 0, G_nb = 0, G_t = 0;
  // Contributions in % of G (0 when G is 0): within, net between-group and transvariation.
  double within_pct = 0, net_between_pct = 0, transvariation_pct = 0;
  std::vector<Group> groups;  // by decreasing mean (ties: by name)
  std::vector<Pair> pairs;    // (a, b) with a before b in `groups`, in that order
};

Decomposition decompose(const std::vector<double>& y, const std::vector<std::string>& groups);

}  // namespace rs::dagum
