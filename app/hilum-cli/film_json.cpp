#include "film_json.h"

#include "hilum/display/renderer.h"
#include "hilum/display/voi_preset.h"
#include "hilum/film/film.h"

#include <nlohmann/json.hpp>

namespace hilum::cli {
namespace {

nlohmann::json orNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

}  // namespace

nlohmann::json filmToJson(const film::Film& film) {
  const auto& m = film.metadata();
  const auto& d = film.display();
  const auto& s = film.spacing();
  using nlohmann::json;

  json presets = json::array();
  const auto voi = display::voiPresets(film);
  for (std::size_t i = 0; i < voi.size(); ++i) {
    json p = {{"index", i}, {"name", voi[i].name}, {"kind", display::toString(voi[i].kind)}};
    if (voi[i].kind == display::VoiPreset::Kind::Lut) {
      const auto& lut = d.voiLuts[static_cast<std::size_t>(voi[i].lutIndex)];
      p["entries"] = lut.entries.size();
      p["first_mapped"] = lut.firstMapped;
      p["bits_per_entry"] = lut.bitsPerEntry;
    } else {
      p["center"] = voi[i].window.center;
      p["width"] = voi[i].window.width;
      p["function"] = film::toString(voi[i].window.function);
    }
    presets.push_back(std::move(p));
  }

  json j;
  j["file"] = film.path();
  j["format"] = film::toString(m.format);
  j["modality"] = orNull(m.modality);
  j["photometric"] = m.photometric;
  j["rows"] = film.rows();
  j["columns"] = film.columns();
  j["bits_allocated"] = m.bitsAllocated;
  j["bits_stored"] = m.bitsStored;
  j["high_bit"] = m.highBit;
  j["pixel_signed"] = film.pixels().isSigned;
  j["samples_per_pixel"] = m.samplesPerPixel;
  j["frames"] = m.frames;
  j["transfer_syntax"] = orNull(m.transferSyntaxUid);
  j["transfer_syntax_name"] = orNull(m.transferSyntaxName);
  j["pixel_spacing_mm"] = s.known() ? json::array({s.rowMm, s.columnMm}) : json(nullptr);
  j["spacing_source"] = film::toString(s.source);
  j["spacing_note"] = s.note;
  j["window_presets"] = std::move(presets);
  j["default_preset"] = display::defaultPresetIndex(film, voi);
  j["voi_lut_function"] = film::toString(d.voiFunction);
  j["shown_inverted"] = display::filmInverts(film);
  j["presentation_lut_shape"] =
      d.presentationShape ? json(*d.presentationShape == film::PresentationShape::Inverse ? "INVERSE" : "IDENTITY")
                          : json(nullptr);
  j["modality_lut"] = {{"slope", d.rescaleSlope}, {"intercept", d.rescaleIntercept},
                       {"type", orNull(d.rescaleType)}, {"lut_entries", d.modalityLut ? d.modalityLut->entries.size() : 0}};
  j["stored_range"] = {film.minStoredValue(), film.maxStoredValue()};
  j["pixel_padding_value"] = d.paddingValue ? json(*d.paddingValue) : json(nullptr);
  j["view_position"] = orNull(m.viewPosition);
  j["laterality"] = orNull(m.laterality);
  j["patient_orientation"] = orNull(m.patientOrientation);
  j["body_part"] = orNull(m.bodyPartExamined);
  j["acquisition_date"] = orNull(m.acquisitionDate);
  j["acquisition_time"] = orNull(m.acquisitionTime);
  j["institution"] = orNull(m.institutionName);
  j["manufacturer"] = orNull(m.manufacturer);
  j["manufacturer_model"] = orNull(m.manufacturerModelName);
  j["image_type"] = orNull(m.imageType);
  j["burned_in_annotation"] = orNull(m.burnedInAnnotation);
  j["patient"] = {{"name", orNull(m.patientName)}, {"id", orNull(m.patientId)},
                  {"birth_date", orNull(m.patientBirthDate)}, {"sex", orNull(m.patientSex)},
                  {"age", orNull(m.patientAge)}};
  j["study"] = {{"instance_uid", orNull(m.studyInstanceUid)}, {"date", orNull(m.studyDate)},
                {"time", orNull(m.studyTime)}, {"description", orNull(m.studyDescription)},
                {"accession_number", orNull(m.accessionNumber)}};
  j["series"] = {{"instance_uid", orNull(m.seriesInstanceUid)}, {"number", orNull(m.seriesNumber)},
                 {"description", orNull(m.seriesDescription)}};
  j["instance"] = {{"sop_class_uid", orNull(m.sopClassUid)}, {"sop_instance_uid", orNull(m.sopInstanceUid)},
                   {"number", orNull(m.instanceNumber)}};
  return j;
}

}  // namespace hilum::cli
