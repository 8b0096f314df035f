#pragma once
// The few summary statistics benchmarks and checks share, so each does not carry its own copy.
#include <vector>

namespace hilum {

// The median (mean of the middle two for an even count); 0 for no values.
double median(std::vector<double> values);

// Pearson's correlation of two equally long series; 0 when either is constant or empty.
double pearsonCorrelation(const std::vector<float>& x, const std::vector<float>& y);

}  // namespace hilum
