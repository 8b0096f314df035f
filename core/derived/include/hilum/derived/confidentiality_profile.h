#pragma once
// The PS3.15 Annex E Basic Application Level Confidentiality Profile as Hilum applies it (see
// deidentifyFile in derived_objects.h): for the manual, a "what will be removed" view, and the
// tests that hold every row of it against the objects Hilum writes.
#include <cstdint>
#include <vector>

namespace hilum::derived {

struct ProfileRule {
  std::uint16_t group = 0;
  std::uint16_t element = 0;
  // As Table E.1-1 writes it: "X" remove, "Z" empty (or a dummy), "D" dummy, "U" replace UID,
  // "X/Z", "X/D", "Z/D", "X/Z/D" (the first unless the IOD requires the attribute), "X/Z/U*" keep
  // the reference sequence with its UIDs replaced.
  const char* action = "X";
  bool beyondProfile = false;  // Hilum's addition, stricter than the table
};

// Every attribute the table lists (DICOM 2023 edition), plus Hilum's additions. Also removed, by
// rule rather than by row: private attributes (odd groups) and overlay/curve groups (60xx, 50xx).
const std::vector<ProfileRule>& basicProfileRules();

}  // namespace hilum::derived
