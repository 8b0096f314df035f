#pragma once
// PS3.15 Annex E, Basic Application Level Confidentiality Profile, applied to a DCMTK data set in
// place. Shared by deidentifyFile and by every writer when Deidentify::enabled.
#include "hilum/derived/derived_objects.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctagkey.h>

#include <string>
#include <vector>

class DcmItem;

namespace hilum::derived::detail {

// The Basic Profile column of Table E.1-1. "X/Z/U*" keeps a reference sequence and replaces the
// UIDs inside it (the references are what ties SC, SR and GSPS to the de-identified film).
enum class ProfileAction { X, Z, D, U, XZ, XD, ZD, XZD, XZU };

struct ProfileEntry {
  Uint16 group;
  Uint16 element;
  ProfileAction action;
  bool beyondProfile = false;  // Hilum's addition to the table
};

// Table E.1-1 (DICOM 2023 edition), every attribute with its Basic Profile action, plus the few
// attributes Hilum treats beyond it (marked in profile_table.cpp). Private attributes, overlay
// and curve groups are handled by rule, not listed.
const std::vector<ProfileEntry>& basicProfileTable();

// The cleaning options of CID 7050 that Hilum may declare for content it wrote itself.
enum class CleaningOption { Graphics, StructuredContent, Descriptors };

// How "X/Z", "X/D", "Z/D" and "X/Z/D" resolve for one output IOD: the profile removes an
// attribute unless the IOD needs it, then empties it (type 2) or puts a dummy (type 1). These
// lists name the top-level attributes concerned; nested ones are treated as optional.
struct IodRules {
  std::vector<DcmTagKey> type1;
  std::vector<DcmTagKey> type2;
  // Hilum's own content (series description naming the model, the SR tree, the annotations):
  // kept wherever it occurs, with the table still applied inside sequences (UIDs mapped, person
  // names replaced).
  std::vector<DcmTagKey> retain;
  std::vector<CleaningOption> options;  // declared in Deidentification Method Code Sequence
};

// Rules for an arbitrary image handed to deidentifyFile (CR, DX, SC and the like), by SOP class.
IodRules imageRules(const std::string& sopClassUid);

// Applies the profile, replaces the identity with deid.patientName / patientId, maps every
// instance UID with mappedUid(uid, deid.uidSalt), and records Patient Identity Removed YES,
// Deidentification Method and its Code Sequence (113100 plus `rules.options`).
void deidentifyDataset(DcmItem& dataset, const Deidentify& deid, const IodRules& rules);

// Lines for `warnings` when the pixels of a film may carry identity the header cannot remove:
// Burned In Annotation YES, or absent on CR/DX (old CR plates print the name on the film).
void addBurnedInWarnings(DcmItem& film, const std::string& what, std::vector<std::string>* warnings);

}  // namespace hilum::derived::detail
