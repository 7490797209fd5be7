// The boundaries of polygon units as flat arrays, for the contiguity builders: the boundary
// points (every ring vertex of every part, holes included) and the boundary segments.
// Internal to geo/contiguity*.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "algorithms/feedback.hpp"
#include "geo/layer.hpp"

namespace rs::geo::contiguity_detail {

// An allocator for the large scratch arrays (millions of points): on Linux it asks for
// transparent huge pages. Touching fresh memory page by page costs more than the matching
// itself on large layers (about 100,000 page faults for the French communes in 4 KiB pages,
// which took two thirds of the build time on a virtual machine).
template <class T>
struct LargeBufferAllocator {
  using value_type = T;
  LargeBufferAllocator() = default;
  template <class U>
  LargeBufferAllocator(const LargeBufferAllocator<U>&) {}  // NOLINT: allocators convert

  T* allocate(std::size_t n) {
    constexpr std::size_t kHuge = std::size_t{2} << 20;
    const std::size_t bytes = n * sizeof(T);
    if (bytes < 2 * kHuge) return static_cast<T*>(::operator new(bytes));
    void* p = std::aligned_alloc(kHuge, (bytes + kHuge - 1) / kHuge * kHuge);
    if (!p) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    madvise(p, bytes, MADV_HUGEPAGE);  // a hint; without it the memory is merely slower to touch
#endif
    return static_cast<T*>(p);
  }
  // Elements are default-initialised (left as they are) rather than zeroed: every array
  // of this allocator is written in full before it is read, and zeroing tens of MB first
  // only touched the fresh pages one more time.
  template <class U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible<U>::value) {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
  void deallocate(T* p, std::size_t n) {
    if (n * sizeof(T) < 2 * (std::size_t{2} << 20))
      ::operator delete(p);
    else
      std::free(p);
  }
  template <class U>
  bool operator==(const LargeBufferAllocator<U>&) const { return true; }
  template <class U>
  bool operator!=(const LargeBufferAllocator<U>&) const { return false; }
};

template <class T>
using LargeVector = std::vector<T, LargeBufferAllocator<T>>;

struct BoundaryPoint {
  double x;
  double y;
  std::uint32_t unit;
  std::uint32_t key;  // location_hash(x, y), for the exact matching; fits in the padding
};

struct BoundarySegment {
  double ax, ay, bx, by;
  std::uint32_t unit;
};

// The ring vertices of each unit in ring order, listed as spdep's poly2nb lists them: every
// coordinate of every ring (so each ring's closing vertex repeats its first one) except the
// very first coordinate of the unit. The repeats matter for rook contiguity, which counts
// matching point pairs (see contiguity.cpp). Units with a null geometry have no points, and
// points with a coordinate that is not finite are left out (they match nothing). Points come
// in unit order.
LargeVector<BoundaryPoint> boundary_points(const Layer& layer, Feedback& feedback);

// The points of boundary_points() grouped by the top kHashBucketBits bits of their location
// hash (BoundaryPoint::key): group b is points[start[b], start[b + 1]), in the order
// boundary_points lists them (unit order). Listed straight into their groups (a count, then a
// fill, both in parallel), so the exact matching sorts small groups in cache instead of the
// whole array through a copy of it (tens of MB of fresh pages on large layers).
constexpr int kHashBucketBits = 11;
inline std::uint32_t hash_bucket(std::uint32_t key) { return key >> (32 - kHashBucketBits); }
struct HashBuckets {
  LargeVector<BoundaryPoint> points;
  std::vector<std::size_t> start;  // (1 << kHashBucketBits) + 1 bounds
};
HashBuckets boundary_points_by_hash(const Layer& layer, Feedback& feedback);

// A 32-bit hash of a location: equal coordinates (numerically, so -0 == +0) hash alike.
std::uint32_t location_hash(double x, double y);

// Every ring edge of positive length, of every unit.
std::vector<BoundarySegment> boundary_segments(const Layer& layer, Feedback& feedback);

// An unordered unit pair a < b as one sortable key.
inline std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
  if (a > b) std::swap(a, b);
  return (std::uint64_t{a} << 32) | b;
}
inline std::uint32_t pair_first(std::uint64_t key) { return static_cast<std::uint32_t>(key >> 32); }
inline std::uint32_t pair_second(std::uint64_t key) { return static_cast<std::uint32_t>(key); }

}  // namespace rs::geo::contiguity_detail
