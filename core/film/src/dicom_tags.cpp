#include "hilum/film/dicom_tags.h"

#include "codec_registry_p.h"
#include "dicom_structure_p.h"
#include "text_encoding_p.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include <cstdio>

namespace hilum::film {
namespace {

constexpr Uint32 kInlineLimit = 256;  // longer binary values are summarised by their length

void walk(DcmItem& item, int depth, std::vector<DicomTag>& out) {
  for (unsigned long i = 0; i < item.card(); ++i) {
    DcmElement* element = item.getElement(i);
    DicomTag t;
    t.depth = depth;
    DcmTag tag = element->getTag();  // a copy: getTagName() is not const in DCMTK 3.6.7
    char text[16];
    std::snprintf(text, sizeof text, "(%04X,%04X)", tag.getGTag(), tag.getETag());
    t.tag = text;
    t.keyword = tag.getTagName() ? tag.getTagName() : "";
    if (t.keyword == "Unknown Tag & Data") t.keyword.clear();
    t.vr = tag.getVRName();
    if (element->ident() == EVR_SQ) {
      auto* sequence = static_cast<DcmSequenceOfItems*>(element);
      t.value = "(sequence, " + std::to_string(sequence->card()) + " items)";
      out.push_back(t);
      for (unsigned long k = 0; k < sequence->card(); ++k) {
        DicomTag itemRow;
        itemRow.depth = depth + 1;
        itemRow.tag = "(FFFE,E000)";
        itemRow.keyword = "Item";
        itemRow.value = "(item " + std::to_string(k + 1) + ")";
        out.push_back(itemRow);
        walk(*sequence->getItem(k), depth + 2, out);
      }
      continue;
    }
    const bool bulk = element->getLength() > kInlineLimit &&
                      (t.vr == "OB" || t.vr == "OW" || t.vr == "OF" || t.vr == "OD" || t.vr == "OL" || t.vr == "UN" ||
                       tag == DCM_PixelData);
    if (bulk || element->getLength() > 64 * 1024) {
      t.value = "(" + std::to_string(element->getLength()) + " bytes)";
    } else {
      OFString value;
      if (element->getOFStringArray(value).good()) t.value = detail::validUtf8(value.c_str());
    }
    out.push_back(t);
  }
}

}  // namespace

Result<std::vector<DicomTag>> readDicomTags(const std::string& path) {
  detail::ensureDcmtkReady();
  if (const auto deep = detail::structureProblem(path)) return Error(Module::Film, ErrorCode::Malformed, *deep, path);
  DcmFileFormat file;
  const OFCondition loaded = file.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, DCM_MaxReadLength, ERM_autoDetect);
  if (loaded.bad())
    return Error(Module::Film, ErrorCode::Malformed, std::string("not a readable DICOM file (") + loaded.text() + ")", path);
  file.getDataset()->convertToUTF8().good();
  std::vector<DicomTag> tags;
  walk(*file.getMetaInfo(), 0, tags);
  walk(*file.getDataset(), 0, tags);
  return tags;
}

}  // namespace hilum::film
