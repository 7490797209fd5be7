// Validity of polygons checked on background threads while the layer is still being read:
// the readers hand over batches of the polygons they built, and the checks (the fast exact
// proof of geo/polygon_validity.hpp, GEOS where it proves nothing) run alongside the reading
// instead of after it. Internal to geo/layer.cpp and geo/feature_reader.cpp.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <ogr_geometry.h>

namespace rs::geo {

class ValidityCheck {
 public:
  // Polygons handed over at once: few enough to share the work out, enough to lock rarely.
  static constexpr std::size_t kBatch = 256;

  // `threads` checking threads (0: one per core); with 1, each batch is checked at once by the
  // thread that adds it (one thread in all, as asked).
  explicit ValidityCheck(int threads);
  ~ValidityCheck() { abandon(); }
  ValidityCheck(const ValidityCheck&) = delete;
  ValidityCheck& operator=(const ValidityCheck&) = delete;

  // Queues polygons to be checked; any thread may call it. Each must stay alive, unchanged,
  // until finish() returns.
  void add(std::vector<const OGRGeometry*> batch);

  // Waits until every polygon added is checked; returns the invalid ones, each with GEOS's
  // reason, in no particular order.
  std::vector<std::pair<const OGRGeometry*, std::string>> finish();

  // Drops the checks not yet started and waits for those under way: to be called before
  // polygons handed over are destroyed (a reading error).
  void abandon();

 private:
  void work();
  void stop();
  void check(const std::vector<const OGRGeometry*>& batch,
             std::vector<std::pair<const OGRGeometry*, std::string>>& found) const;

  const unsigned count_;  // threads
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::vector<const OGRGeometry*>> pending_;
  bool closed_ = false;
  std::vector<std::pair<const OGRGeometry*, std::string>> invalid_;
  std::vector<std::thread> threads_;
};

// Queues the polygons a reading thread builds, batch by batch, into a ValidityCheck (none: a
// no-op). One per reading thread, which calls flush() once it has read all its features.
class ValidityBatch {
 public:
  explicit ValidityBatch(ValidityCheck* check) : check_(check) {}
  ValidityBatch(const ValidityBatch&) = delete;
  ValidityBatch& operator=(const ValidityBatch&) = delete;
  void add(const OGRGeometry* polygon) {
    if (!check_) return;
    batch_.push_back(polygon);
    if (batch_.size() >= ValidityCheck::kBatch) flush();
  }
  void flush() {
    if (check_ && !batch_.empty()) check_->add(std::exchange(batch_, {}));
  }

 private:
  ValidityCheck* check_;
  std::vector<const OGRGeometry*> batch_;
};

}  // namespace rs::geo
