// The grayscale transforms pinned to the formulas of PS3.3 C.11.
#include "hilum/display/voi.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace hilum::display;
using hilum::film::VoiFunction;

TEST_CASE("LINEAR window follows C.11.2.1.2.1", "[display][voi]") {
  // c = 2048, w = 4096: x <= 2047.5 - 2047.5 = 0 -> 0; x > 2047.5 + 2047.5 = 4095 -> 1.
  const VoiWindow w{2048, 4096, VoiFunction::Linear};
  CHECK(applyWindow(w, -10) == 0.0);
  CHECK(applyWindow(w, 0) == 0.0);
  CHECK(applyWindow(w, 4095) == Approx(1.0));
  CHECK(applyWindow(w, 4096) == 1.0);
  CHECK(applyWindow(w, 2047.5) == Approx(0.5));
  CHECK(applyWindow(w, 1) == Approx((1 - 2047.5) / 4095 + 0.5));
  // Width below 1 is treated as 1: a threshold at c - 0.5.
  const VoiWindow threshold{100, 0.2, VoiFunction::Linear};
  CHECK(applyWindow(threshold, 99.4) == 0.0);
  CHECK(applyWindow(threshold, 99.5) == 0.0);
  CHECK(applyWindow(threshold, 99.6) == 1.0);
}

TEST_CASE("LINEAR_EXACT window follows C.11.2.1.3.2", "[display][voi]") {
  const VoiWindow w{100, 50, VoiFunction::LinearExact};
  CHECK(applyWindow(w, 75) == 0.0);
  CHECK(applyWindow(w, 100) == Approx(0.5));
  CHECK(applyWindow(w, 112.5) == Approx(0.75));
  CHECK(applyWindow(w, 125) == Approx(1.0));
  CHECK(applyWindow(w, 126) == 1.0);
  // Unlike LINEAR, the centre maps to exactly half.
  CHECK(applyWindow(VoiWindow{100, 50, VoiFunction::Linear}, 100) != Approx(0.5).epsilon(1e-6));
}

TEST_CASE("SIGMOID window follows C.11.2.1.3.1", "[display][voi]") {
  const VoiWindow w{40, 400, VoiFunction::Sigmoid};
  CHECK(applyWindow(w, 40) == Approx(0.5));
  CHECK(applyWindow(w, 240) == Approx(1.0 / (1.0 + std::exp(-2.0))));
  CHECK(applyWindow(w, -160) == Approx(1.0 / (1.0 + std::exp(2.0))));
}

TEST_CASE("LUT lookup clamps below the first mapped value and past the last entry", "[display][lut]") {
  hilum::film::LookupTable lut;
  lut.firstMapped = -2;
  lut.bitsPerEntry = 12;
  lut.entries = {0, 1000, 2000, 4095};
  CHECK(lookupEntry(lut, -100) == 0);
  CHECK(lookupEntry(lut, -2) == 0);
  CHECK(lookupEntry(lut, -1) == 1000);
  CHECK(lookupEntry(lut, 0) == 2000);
  CHECK(lookupEntry(lut, 1) == 4095);
  CHECK(lookupEntry(lut, 50) == 4095);
  CHECK(applyVoiLut(lut, 1) == Approx(1.0));
  CHECK(applyVoiLut(lut, -1) == Approx(1000.0 / 4095.0));
}

TEST_CASE("Modality LUT wins over rescale when both are present", "[display][modality]") {
  hilum::film::DisplayAttributes a;
  a.rescaleSlope = 2;
  a.rescaleIntercept = -1024;
  CHECK(modalityValue(a, 1000) == 976);
  hilum::film::LookupTable lut;
  lut.firstMapped = 0;
  lut.entries = {5, 6, 7};
  a.modalityLut = lut;
  CHECK(modalityValue(a, 1) == 6);
  CHECK(modalityValue(a, 1000) == 7);
}
