#include "deidentify_p.h"

#include "dicom_output_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace hilum::derived::detail {
namespace {

enum class Requirement { Optional, Type2, Type1 };
enum class Step { Remove, Empty, Dummy, Map, KeepReferences };

// Dummy values for D (PS3.15 E.1: "a non-zero length value that may be a dummy value and
// consistent with the VR"). One fixed value per VR, so a reader sees at once it is not real.
constexpr const char* kDummyText = "ANONYMOUS";
constexpr const char* kDummyDate = "19000101";
constexpr const char* kDummyTime = "000000";
constexpr const char* kDummyDateTime = "19000101000000";

constexpr std::uint32_t key(Uint16 group, Uint16 element) { return (std::uint32_t(group) << 16) | element; }

// UIDs that name definitions (SOP classes, transfer syntaxes, coding schemes), not instances:
// never replaced, whatever their value, or the object would stop being what it says it is.
bool namesDefinition(const DcmTagKey& tag) {
  static const DcmTagKey kDefinitions[] = {
      DCM_SOPClassUID, DCM_ReferencedSOPClassUID, DCM_MediaStorageSOPClassUID, DCM_TransferSyntaxUID,
      DCM_ImplementationClassUID, DCM_ReferencedSOPClassUIDInFile, DCM_ReferencedTransferSyntaxUIDInFile,
      DCM_CodingSchemeUID, DCM_ContextUID, DCM_MappingResourceUID, DCM_ContextGroupExtensionCreatorUID,
      DCM_PrivateInformationCreatorUID, DCM_RelatedGeneralSOPClassUID, DCM_OriginalSpecializedSOPClassUID,
      DCM_SOPClassesInStudy,
  };
  return std::find(std::begin(kDefinitions), std::end(kDefinitions), tag) != std::end(kDefinitions);
}

bool contains(const std::vector<DcmTagKey>& tags, const DcmTagKey& tag) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

Step resolve(ProfileAction action, Requirement required) {
  switch (action) {
    case ProfileAction::X: return Step::Remove;
    case ProfileAction::Z: return Step::Empty;
    case ProfileAction::D: return Step::Dummy;
    case ProfileAction::U: return Step::Map;
    case ProfileAction::XZ: return required == Requirement::Optional ? Step::Remove : Step::Empty;
    case ProfileAction::XD: return required == Requirement::Optional ? Step::Remove : Step::Dummy;
    case ProfileAction::ZD: return required == Requirement::Type1 ? Step::Dummy : Step::Empty;
    case ProfileAction::XZD:
      return required == Requirement::Type1 ? Step::Dummy : required == Requirement::Type2 ? Step::Empty : Step::Remove;
    case ProfileAction::XZU: return Step::KeepReferences;
  }
  return Step::Remove;
}

// Overlay (60xx) and curve (50xx) repeating groups. The profile removes Overlay Data and Comments
// and Curve Data; a plane left without its data would be invalid, so the whole group goes.
bool isRepeatingGroup(Uint16 group) {
  const Uint16 base = group & 0xFF00;
  return (base == 0x6000 || base == 0x5000) && (group & 0x00FF) <= 0x1E && (group & 1) == 0;
}

class Cleaner {
public:
  Cleaner(const Deidentify& deid, const IodRules& rules) : m_deid(deid), m_rules(rules) {
    for (const ProfileEntry& e : basicProfileTable()) m_table.emplace(key(e.group, e.element), e.action);
  }

  void clean(DcmItem& item, bool topLevel) {
    // Collect first: removing an element shifts the positions of the rest.
    std::vector<DcmElement*> elements;
    for (unsigned long i = 0; i < item.card(); ++i) elements.push_back(item.getElement(i));
    for (DcmElement* element : elements) cleanElement(item, *element, topLevel);
  }

private:
  void cleanElement(DcmItem& item, DcmElement& element, bool topLevel) {
    const DcmTagKey tag = element.getTag();
    if ((tag.getGroup() & 1) != 0 || isRepeatingGroup(tag.getGroup())) {
      delete item.remove(&element);  // private attributes: X; overlays and curves: see above
      return;
    }
    // At any depth: an SR's content items nest Content Sequences of their own.
    if (contains(m_rules.retain, tag)) {
      recurse(element);
      return;
    }
    const auto found = m_table.find(key(tag.getGroup(), tag.getElement()));
    if (found == m_table.end()) {
      // Not in the table: kept, but instance UIDs the table does not name (newer attributes,
      // retired ones) are still replaced, so that no original UID survives anywhere.
      if (element.ident() == EVR_UI && !namesDefinition(tag)) mapUids(element, true);
      recurse(element);
      return;
    }
    switch (resolve(found->second, topLevel ? requirement(tag) : Requirement::Optional)) {
      case Step::Remove: delete item.remove(&element); return;
      case Step::Empty: empty(element, topLevel); return;
      case Step::Dummy: putDummy(element); return;
      case Step::Map: mapUids(element, false); return;
      case Step::KeepReferences: recurse(element); return;
    }
  }

  Requirement requirement(const DcmTagKey& tag) const {
    if (contains(m_rules.type1, tag)) return Requirement::Type1;
    if (contains(m_rules.type2, tag)) return Requirement::Type2;
    return Requirement::Optional;
  }

  void recurse(DcmElement& element) {
    if (element.ident() != EVR_SQ) return;
    auto& sequence = static_cast<DcmSequenceOfItems&>(element);
    for (unsigned long i = 0; i < sequence.card(); ++i) clean(*sequence.getItem(i), false);
  }

  void empty(DcmElement& element, bool topLevel) {
    // Z allows "a dummy value consistent with the VR": the replacement identity goes there.
    if (topLevel && element.getTag() == DCM_PatientName) {
      element.putString(m_deid.patientName.c_str());
    } else if (topLevel && element.getTag() == DCM_PatientID) {
      element.putString(m_deid.patientId.c_str());
    } else {
      element.clear();
    }
  }

  void putDummy(DcmElement& element) {
    switch (element.ident()) {
      case EVR_SQ: element.clear(); break;  // a dummy item would need invented content: emptied instead
      case EVR_DA: element.putString(kDummyDate); break;
      case EVR_TM: element.putString(kDummyTime); break;
      case EVR_DT: element.putString(kDummyDateTime); break;
      case EVR_UI: mapUids(element, false); break;
      case EVR_IS:
      case EVR_DS:
      case EVR_US:
      case EVR_SS:
      case EVR_UL:
      case EVR_SL:
      case EVR_FL:
      case EVR_FD: element.putString("0"); break;
      case EVR_AE:
      case EVR_AS:
      case EVR_CS:
      case EVR_LO:
      case EVR_LT:
      case EVR_PN:
      case EVR_SH:
      case EVR_ST:
      case EVR_UC:
      case EVR_UT: element.putString(kDummyText); break;
      default: element.clear(); break;  // binary: no value is safer than a made-up one
    }
  }

  // Each value of a (possibly multi-valued) UI element replaced by its salt-keyed hash. With
  // `unlistedOnly`, well-known DICOM UIDs (a frame of reference such as Talairach) are kept.
  void mapUids(DcmElement& element, bool unlistedOnly) {
    std::string joined;
    for (unsigned long i = 0; i < element.getVM(); ++i) {
      OFString value;
      if (element.getOFString(value, i).bad()) continue;
      const bool wellKnown = dcmFindNameOfUID(value.c_str()) != nullptr;
      if (!joined.empty()) joined += '\\';
      joined += (value.empty() || (unlistedOnly && wellKnown)) ? std::string(value.c_str())
                                                                 : mappedUid(value.c_str(), m_deid.uidSalt);
    }
    element.putString(joined.c_str());
  }

  const Deidentify& m_deid;
  const IodRules& m_rules;
  std::unordered_map<std::uint32_t, ProfileAction> m_table;
};

const char* optionCode(CleaningOption option) {
  switch (option) {
    case CleaningOption::Graphics: return "113103";
    case CleaningOption::StructuredContent: return "113104";
    case CleaningOption::Descriptors: return "113105";
  }
  return "";
}

const char* optionMeaning(CleaningOption option) {
  switch (option) {
    case CleaningOption::Graphics: return "Clean Graphics Option";
    case CleaningOption::StructuredContent: return "Clean Structured Content Option";
    case CleaningOption::Descriptors: return "Clean Descriptors Option";
  }
  return "";
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

IodRules imageRules(const std::string& sopClassUid) {
  IodRules rules;
  // Acquisition Context Sequence is type 2 in the DX, MG and IO IODs (Acquisition Context module);
  // their SOP classes are the ones under CR's UID ("...1.1.1", "...1.1.2.1", ...).
  if (sopClassUid.rfind(std::string(UID_ComputedRadiographyImageStorage) + ".", 0) == 0)
    rules.type2 = {DCM_AcquisitionContextSequence};
  return rules;
}

void deidentifyDataset(DcmItem& dataset, const Deidentify& deid, const IodRules& rules) {
  Cleaner(deid, rules).clean(dataset, true);
  // Patient Name and ID are type 2 everywhere: present, with the replacement identity.
  dataset.putAndInsertString(DCM_PatientName, deid.patientName.c_str());
  dataset.putAndInsertString(DCM_PatientID, deid.patientId.c_str());
  dataset.putAndInsertString(DCM_PatientIdentityRemoved, "YES");
  dataset.putAndInsertString(DCM_DeidentificationMethod, "PS3.15 E.1 Basic Profile (Hilum)");
  dataset.findAndDeleteElement(DCM_DeidentificationMethodCodeSequence);
  putCode(appendItem(dataset, DCM_DeidentificationMethodCodeSequence), "113100", "DCM",
          "Basic Application Confidentiality Profile");
  for (const CleaningOption option : rules.options) {
    putCode(appendItem(dataset, DCM_DeidentificationMethodCodeSequence), optionCode(option), "DCM",
            optionMeaning(option));
  }
}

void addBurnedInWarnings(DcmItem& film, const std::string& what, std::vector<std::string>* warnings) {
  if (warnings == nullptr) return;
  const std::string burnedIn = upper(stringOf(film, DCM_BurnedInAnnotation));
  const std::string modality = upper(stringOf(film, DCM_Modality));
  const std::string sopClass = stringOf(film, DCM_SOPClassUID);
  const bool projection = modality == "CR" || modality == "DX" || sopClass == UID_ComputedRadiographyImageStorage ||
                          sopClass == UID_DigitalXRayImageStorageForPresentation ||
                          sopClass == UID_DigitalXRayImageStorageForProcessing;
  if (burnedIn == "YES") {
    warnings->push_back(what + ": Burned In Annotation is YES: identifying text may be printed in the pixels, "
                               "which de-identifying the header does not remove; check the image before sharing");
  } else if (burnedIn.empty() && projection) {
    warnings->push_back(what + ": Burned In Annotation is absent on a " + (modality.empty() ? "CR/DX" : modality) +
                        " film: names and dates may be printed in the pixels (common on CR plates); check the "
                        "image before sharing");
  }
}

}  // namespace hilum::derived::detail
