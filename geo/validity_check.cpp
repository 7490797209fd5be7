#include "geo/validity_check.hpp"

#include <algorithm>

#include <cpl_error.h>

#include "geo/polygon_validity.hpp"

namespace rs::geo {
namespace {

// GEOS validity without GDAL's own warning on stderr; `reason` receives GEOS's reason when the
// geometry is invalid. Thread-safe (GDAL's error state and the GEOS context are per thread).
bool is_valid(const OGRGeometry& geom, std::string& reason) {
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
  const bool valid = geom.IsValid();
  if (!valid) {
    reason = CPLGetLastErrorMsg();
    if (reason.empty()) reason = "invalid";
  }
  CPLPopErrorHandler();
  return valid;
}

}  // namespace

ValidityCheck::ValidityCheck(int threads)
    : count_(threads > 0 ? static_cast<unsigned>(threads) : std::max(1u, std::thread::hardware_concurrency())) {}

void ValidityCheck::abandon() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.clear();
  }
  stop();
}

void ValidityCheck::add(std::vector<const OGRGeometry*> batch) {
  if (count_ == 1) {
    std::vector<std::pair<const OGRGeometry*, std::string>> found;
    check(batch, found);
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& f : found) invalid_.push_back(std::move(f));
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.push_back(std::move(batch));
    // The threads start with the first polygons (a table or a point layer needs none).
    if (threads_.empty())
      for (unsigned t = 0; t < count_; ++t) threads_.emplace_back(&ValidityCheck::work, this);
  }
  ready_.notify_one();
}

std::vector<std::pair<const OGRGeometry*, std::string>> ValidityCheck::finish() {
  stop();
  return std::move(invalid_);
}

void ValidityCheck::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
  }
  ready_.notify_all();
  for (auto& t : threads_)
    if (t.joinable()) t.join();
}

void ValidityCheck::work() {
  std::vector<std::pair<const OGRGeometry*, std::string>> found;
  for (;;) {
    std::vector<const OGRGeometry*> batch;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [this] { return closed_ || !pending_.empty(); });
      if (pending_.empty()) break;  // closed, and nothing left
      batch = std::move(pending_.front());
      pending_.pop_front();
    }
    check(batch, found);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& f : found) invalid_.push_back(std::move(f));
}

void ValidityCheck::check(const std::vector<const OGRGeometry*>& batch,
                          std::vector<std::pair<const OGRGeometry*, std::string>>& found) const {
  std::string reason;
  for (const OGRGeometry* polygon : batch)
    if (!polygon_validity::certainly_valid(*polygon) && !is_valid(*polygon, reason))
      found.emplace_back(polygon, std::move(reason));
}

}  // namespace rs::geo
