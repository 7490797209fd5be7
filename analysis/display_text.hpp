// Padding for the tables that commands lay out by hand (gravity, influence, primacy, run,
// moran/geary/general-g): printf's %-20s and std::setw counts bytes, so a Chinese name (three bytes, two terminal
// columns a character) came out short and shifted the rest of its row. These pad by display
// width instead (display_width: East Asian wide characters take two columns).
#pragma once

#include <string>

#include "analysis/table_algorithm.hpp"

namespace rs {

// `text` followed by spaces up to `columns` terminal columns; wider text is left whole, as
// with printf's %-Ns.
inline std::string pad_right(const std::string& text, std::size_t columns) {
  const std::size_t width = display_width(text);
  return width >= columns ? text : text + std::string(columns - width, ' ');
}

// Spaces up to `columns` terminal columns, then `text` (right-aligned, as printf's %Ns).
inline std::string pad_left(const std::string& text, std::size_t columns) {
  const std::size_t width = display_width(text);
  return width >= columns ? text : std::string(columns - width, ' ') + text;
}

}  // namespace rs
