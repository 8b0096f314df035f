#pragma once
// A synthetic PA chest radiograph: body, lungs with vessels, heart, mediastinum and spine, ribs,
// clavicles, diaphragm and a small nodule, drawn and blurred so it reads like a film. For
// screenshots, demos and benchmarks that must not use patient data; it means nothing clinically.
#include <vector>

namespace hilum::test {

// Stored values (MONOCHROME2: bone bright) for rows x columns at `bits` bits, row-major.
std::vector<int> chestPhantom(int rows, int columns, int bits);

}  // namespace hilum::test
