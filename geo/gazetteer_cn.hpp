// The gazetteer of China's administrative divisions: finds the division a yearbook key means,
// whether it is a full name (内蒙古自治区), a short one (内蒙古, 延边州), a GB/T 2260 code at any
// level (15, 150000, 1501, 150102), traditional characters (內蒙古), or an English or pinyin
// province name in a spelling real data use (Inner Mongolia, Nei Mongol Zizhiqu). Compiled from
// geo/data/*.inc (scripts/build_gazetteer.py; source and licence in geo/data/README.md).
#pragma once

#include <string>
#include <vector>

namespace rs::geo {

enum class AdminLevel { Province = 1, Prefecture = 2, County = 3 };
const char* admin_level_name(AdminLevel level);  // "province", "prefecture", "county"

struct AdminDivision {
  std::string code;  // 6 digits (110000, 110100, 110101)
  std::string name;  // full official name; empty for the source's placeholders (市辖区)
  AdminLevel level = AdminLevel::Province;
};

// What narrows a name used by several divisions (朝阳: a prefecture in Liaoning, districts in
// Beijing and Changchun, a county).
struct AdminHint {
  std::vector<AdminLevel> levels;  // keep candidates of these levels when any is among them
  std::string parent;              // a province or prefecture (name or code) the unit lies in
};

struct AdminMatch {
  enum class Status { Unique, Ambiguous, Unknown };
  Status status = Status::Unknown;
  std::vector<const AdminDivision*> candidates;  // one when Unique, several when Ambiguous
  const AdminDivision* division() const { return status == Status::Unique ? candidates.front() : nullptr; }
};

class GazetteerCN {
 public:
  // The compiled-in gazetteer (built on first use; thread-safe).
  static const GazetteerCN& instance();

  AdminMatch resolve(const std::string& key, const AdminHint& hint = {}) const;
  const AdminDivision* by_code(const std::string& code) const;  // 2, 4, 6, 9 or 12 digits
  // "吉林省 吉林市 船营区": a division with the names of its parents, for reports.
  std::string qualified_name(const AdminDivision& division) const;
  const std::vector<AdminDivision>& divisions() const { return divisions_; }

  // A key reduced to what identifies it: traditional -> simplified characters, full-width ->
  // ASCII, ASCII letters lower case, spaces and punctuation removed.
  std::string normalise(const std::string& key) const;

 private:
  GazetteerCN();
  struct Candidate {
    std::size_t division;
    bool full_name;
  };
  std::vector<Candidate> lookup(const std::string& normalised) const;
  AdminMatch resolve_name(const std::string& normalised, const AdminHint& hint) const;
  AdminMatch resolve_combined(const std::string& normalised, const AdminHint& hint) const;

  std::vector<AdminDivision> divisions_;
  std::vector<std::pair<std::string, Candidate>> names_;  // normalised name -> division, sorted
  std::vector<std::pair<char32_t, char32_t>> traditional_;  // traditional -> simplified, sorted
};

}  // namespace rs::geo
