#pragma once
// The DICOM objects Hilum derives from a film, so that a PACS keeps what the workstation said:
// a Secondary Capture of the film with the heatmap burned in, a Comprehensive SR of the findings
// (TID 1500 measurement report), an Encapsulated PDF of the printed report, a Grayscale Softcopy
// Presentation State carrying the annotations, and a de-identified copy of any DICOM file
// (PS3.15 Annex E Basic Application Level Confidentiality Profile) for teaching and sharing.
//
// Every writer copies the Patient and General Study modules (and Patient Study, Clinical Trial
// Subject/Study where present) from the source DICOM, converted to UTF-8 (ISO_IR 192), so a PACS
// files the object beside its film; it gets a new Series and SOP Instance UID and references the
// source image (SOP Class + Instance UID) wherever the IOD has a place for it. When the source is
// not DICOM (a PNG or JPEG film, or an empty path) a new study with empty identity is made and
// nothing is referenced; the presentation state, which only means something on a DICOM image,
// refuses such sources.
//
// With Deidentify::enabled the whole output passes through the profile (see deidentifyFile), and
// the source's UIDs are replaced by the same salt-keyed hash deidentifyFile uses, so a
// de-identified film and the SC, SR, PDF and GSPS exported with it keep referencing each other.
// Content Hilum writes itself (series descriptions naming the model, the SR content tree, the
// annotations) is retained and the corresponding cleaning options are declared in
// Deidentification Method Code Sequence; annotation text is written as typed, and the PDF and the
// picture are embedded as given (a warning says so when they may hold burned-in identity).
//
// Outputs are written atomically (temporary file beside the target, then rename): an existing
// file is never left half-written. Explicit VR Little Endian, with File Meta.
//
// Thread safety: every function may be called from any thread, concurrently for different outputs.
// Errors: every failure comes back as an Error naming the file and the reason, under
// Module::Report (derived objects are part of reporting); nothing throws.
#include "hilum/base/result.h"
#include "hilum/measure/annotation.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hilum::derived {

struct Algorithm {  // the model pack that spoke
  std::string name, version, weightsSha256;
};

struct FindingResult {
  std::string label;         // also the code value (coding scheme 99HILUM) in the SR
  double probability = 0;    // 0..1
  double threshold = 0.5;    // the operating point the label was called at, 0..1
  bool positive = false;     // probability >= threshold, as the caller decided it
};

struct RgbPicture {  // interleaved RGB, row-major, width x height x 3 bytes
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgb;
};

struct Deidentify {  // PS3.15 Basic Application Level Confidentiality Profile
  bool enabled = false;
  // Same salt -> same replacement UIDs (consistent mapping across SC/SR/PDF/GSPS of one export).
  // Keep it secret and random per export: anyone who knows it can test a guessed original UID.
  // Empty: a random salt made once per process (consistent within one run of Hilum).
  std::string uidSalt;
  std::string patientName = "ANONYMOUS", patientId = "ANON";  // replacement identity
};

struct OutputInfo {
  std::string sopInstanceUid, seriesInstanceUid;  // as written (after de-identification)
  std::string studyInstanceUid;                   // the study the object was filed in
};

// A Secondary Capture Image (RGB, 8 bits) of `picture`: Image Type DERIVED\SECONDARY, Burned In
// Annotation YES, Conversion Type WSD, Source Image Sequence to the film, Series Description as
// given (e.g. "Hilum AI heatmap: <model> <version>"), Derivation Description naming the algorithm.
// `warnings` (may be null) gets a line when de-identifying a film that may carry burned-in text
// (the picture is drawn from its pixels).
[[nodiscard]] Result<OutputInfo> writeSecondaryCapture(const std::string& sourcePath, const RgbPicture& picture,
                                                       const Algorithm& algorithm, const std::string& seriesDescription,
                                                       const Deidentify& deid, const std::string& outPath,
                                                       std::vector<std::string>* warnings = nullptr);

// A Comprehensive SR following TID 1500 (Imaging Measurement Report) and the IHE AI Results
// pattern: device observer (the algorithm), image library with the film, one measurement group
// per finding (the label as a 99HILUM code, its probability and operating point as NUMs with UCUM
// unit "1", positive/negative as SCT Positive/Negative, TID 4019 algorithm name/version/weights),
// and the note "Decision support, not a diagnosis". VerificationFlag UNVERIFIED, CompletionFlag
// COMPLETE (the algorithm's output is whole; what is missing is a clinician's verification).
// Errors: InvalidArgument for no findings, an empty label, or a probability/threshold outside 0..1.
// `notes`: what qualifies the result (the film outside the pack's training data, image-quality and
// out-of-distribution warnings), each written as a Comment next to the decision-support statement.
[[nodiscard]] Result<OutputInfo> writeFindingsReport(const std::string& sourcePath,
                                                     const std::vector<FindingResult>& findings,
                                                     const Algorithm& algorithm, const Deidentify& deid,
                                                     const std::string& outPath,
                                                     const std::vector<std::string>& notes = {});

// An Encapsulated PDF (Encapsulated PDF Storage IOD) holding the bytes of `pdfPath` exactly
// (Encapsulated Document Length gives the length before the pad byte an odd size needs),
// Document Title `title`, concept (18748-4, LN, "Diagnostic imaging report"), Burned In
// Annotation YES, Source Instance Sequence to the film. The PDF is embedded as given: when
// de-identifying, `warnings` says the PDF's own pages must already be anonymised.
[[nodiscard]] Result<OutputInfo> writeEncapsulatedPdf(const std::string& sourcePath, const std::string& pdfPath,
                                                      const std::string& title, const Deidentify& deid,
                                                      const std::string& outPath,
                                                      std::vector<std::string>* warnings = nullptr);

// De-identifies a DICOM film or other image (the teaching export), its pixels untouched and in
// their own transfer syntax (a compressed film is not decoded): the PS3.15 Annex E Basic Profile
// action table (D/Z/X/U and their combinations, resolved against what image IODs require; every
// row in confidentiality_profile.h), private groups, overlay and curve groups removed, sequences
// recursed, every instance UID replaced by the salt-keyed hash, Patient Identity Removed YES and
// Deidentification Method (Code Sequence) 113100. `deid.enabled` is not consulted: this function
// always de-identifies. `warnings` (may be null) lists what the header cannot fix: burned-in
// annotation (Burned In Annotation YES, or absent on CR/DX, where identity may be printed in the
// pixels) and removed overlays. SR, Encapsulated Documents and presentation states are refused
// (Unsupported): their free text cannot be cleaned here; write them again with `deid` instead.
[[nodiscard]] Result<OutputInfo> deidentifyFile(const std::string& inPath, const Deidentify& deid,
                                                const std::string& outPath,
                                                std::vector<std::string>* warnings = nullptr);

// The annotations (film pixel coordinates, see hilum/measure/annotation.h) as a Grayscale Softcopy
// Presentation State on the source image, so Weasis, OHIF and PACS viewers show them: one graphic
// group per annotation (its label is the kind, "distance", "angle", ...; its description the
// annotation's text), drawn on one layer "HILUM" in PIXEL units: distance and angle as POLYLINE,
// rectangle as a closed POLYLINE, ellipse as ELLIPSE (major then minor axis), arrow as a POLYLINE
// shaft plus a V-shaped head and its text at the tail, cardiothoracic ratio as two POLYLINEs
// (heart, thorax); labels[i] (the measurement text; `labels` may be shorter than the annotations
// or empty) as a text object beside the shape.
// The film's modality LUT, first window (or VOI LUT; full range when it has none) and MONOCHROME1
// inversion are carried so the film looks as it does in Hilum. Coordinates are stored as 32-bit
// floats. Errors: Unsupported when the source is not a MONOCHROME DICOM image; InvalidArgument for
// an incomplete annotation or more labels than annotations.
[[nodiscard]] Result<OutputInfo> writePresentationState(const std::string& sourcePath,
                                                        const std::vector<measure::Annotation>& annotations,
                                                        const std::vector<std::string>& labels,
                                                        const Deidentify& deid, const std::string& outPath);

// The annotations of a presentation state, in the order written. Hilum's own groups come back
// exactly (kind, points to float precision, text); graphics of other viewers as far as they map:
// 2-point polyline -> distance, 3-point -> angle, closed axis-aligned 5-point -> rectangle,
// ELLIPSE/CIRCLE -> ellipse (bounding box), and after those, text with a visible anchor -> arrow;
// other shapes are skipped. DISPLAY units are converted through the displayed area.
// Errors: NotFound, Malformed, Unsupported (not a presentation state).
[[nodiscard]] Result<std::vector<measure::Annotation>> readPresentationState(const std::string& path);

// "2.25." + a random 128-bit UUID (version 4) in decimal (PS3.5 B.2): needs no registered root.
std::string newUid();

// The replacement for `uid` under `salt` (empty: the per-process salt): "2.25." + a 128-bit
// SHA-256-derived UUID (RFC 9562 version 8) in decimal. What every writer and deidentifyFile use,
// so callers can predict references (e.g. find the de-identified film a report points at).
std::string mappedUid(const std::string& uid, const std::string& salt);

}  // namespace hilum::derived
