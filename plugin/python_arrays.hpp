// The array functions of `_regionstat` for partitioned runs (python_arrays.cpp).
#pragma once

#include <pybind11/pybind11.h>

void register_array_functions(pybind11::module_& m);
