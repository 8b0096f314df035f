#include "dicom_source_p.h"

#include "hilum/derived/derived_objects.h"
#include "hilum/film/dicom_structure.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>

#include <array>
#include <filesystem>
#include <fstream>

namespace hilum::derived::detail {
namespace {

// Patient, General Study, Patient Study, Clinical Trial Subject and Clinical Trial Study modules
// (PS3.3 C.7.1.1, C.7.2.1, C.7.2.2, C.7.1.3, C.7.2.3): what a PACS files an object by, plus what
// the Basic Profile then removes or keeps. Not copied: anything series- or image-level.
const DcmTagKey kPatientAndStudy[] = {
    // Patient
    DCM_PatientName, DCM_PatientID, DCM_IssuerOfPatientID, DCM_IssuerOfPatientIDQualifiersSequence,
    DCM_TypeOfPatientID, DCM_PatientBirthDate, DCM_PatientBirthTime, DCM_PatientSex, DCM_QualityControlSubject,
    DCM_OtherPatientIDsSequence, DCM_RETIRED_OtherPatientIDs, DCM_OtherPatientNames, DCM_EthnicGroup,
    DCM_PatientComments, DCM_PatientSpeciesDescription, DCM_PatientSpeciesCodeSequence,
    DCM_PatientBreedDescription, DCM_PatientBreedCodeSequence, DCM_BreedRegistrationSequence,
    DCM_ResponsiblePerson, DCM_ResponsiblePersonRole, DCM_ResponsibleOrganization, DCM_PatientIdentityRemoved,
    DCM_DeidentificationMethod, DCM_DeidentificationMethodCodeSequence, DCM_ReferencedPatientPhotoSequence,
    DCM_ReferencedPatientSequence, DCM_PatientBirthDateInAlternativeCalendar, DCM_PatientAlternativeCalendar,
    // General Study
    DCM_StudyInstanceUID, DCM_StudyDate, DCM_StudyTime, DCM_ReferringPhysicianName,
    DCM_ReferringPhysicianIdentificationSequence, DCM_ConsultingPhysicianName,
    DCM_ConsultingPhysicianIdentificationSequence, DCM_StudyID, DCM_AccessionNumber,
    DCM_IssuerOfAccessionNumberSequence, DCM_StudyDescription, DCM_PhysiciansOfRecord,
    DCM_PhysiciansOfRecordIdentificationSequence, DCM_NameOfPhysiciansReadingStudy,
    DCM_PhysiciansReadingStudyIdentificationSequence, DCM_RequestingServiceCodeSequence,
    DCM_ReferencedStudySequence, DCM_ProcedureCodeSequence, DCM_ReasonForPerformedProcedureCodeSequence,
    // Patient Study
    DCM_AdmittingDiagnosesDescription, DCM_AdmittingDiagnosesCodeSequence, DCM_PatientAge, DCM_PatientSize,
    DCM_PatientWeight, DCM_MedicalAlerts, DCM_Allergies, DCM_SmokingStatus, DCM_PregnancyStatus,
    DCM_LastMenstrualDate, DCM_PatientState, DCM_Occupation, DCM_AdditionalPatientHistory, DCM_AdmissionID,
    DCM_IssuerOfAdmissionIDSequence, DCM_PatientSexNeutered,
    // Clinical Trial Subject and Study
    DCM_ClinicalTrialSponsorName, DCM_ClinicalTrialProtocolID, DCM_ClinicalTrialProtocolName,
    DCM_ClinicalTrialSiteID, DCM_ClinicalTrialSiteName, DCM_ClinicalTrialSubjectID,
    DCM_ClinicalTrialSubjectReadingID, DCM_ClinicalTrialTimePointID, DCM_ClinicalTrialTimePointDescription,
};

// Type 2 attributes of the Patient and General Study modules: present, empty, when unknown.
const DcmTagKey kIdentityType2[] = {
    DCM_PatientName, DCM_PatientID, DCM_PatientBirthDate, DCM_PatientSex, DCM_StudyDate,
    DCM_StudyTime, DCM_ReferringPhysicianName, DCM_StudyID, DCM_AccessionNumber,
};

enum class Content { Missing, Dicm, Raster, Other };

Content sniff(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Content::Missing;
  std::array<unsigned char, 132> head{};
  in.read(reinterpret_cast<char*>(head.data()), head.size());
  const auto n = static_cast<std::size_t>(in.gcount());
  if (n >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') return Content::Dicm;
  const bool png = n >= 4 && head[0] == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
  const bool jpeg = n >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
  const bool tiff = n >= 4 && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0) ||
                               (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42));
  return png || jpeg || tiff ? Content::Raster : Content::Other;
}

std::string getString(DcmItem& item, const DcmTagKey& tag) {
  OFString value;
  return item.findAndGetOFStringArray(tag, value).good() ? std::string(value.c_str()) : std::string();
}

}  // namespace

Source::Source() = default;
Source::~Source() = default;
Source::Source(Source&&) noexcept = default;
Source& Source::operator=(Source&&) noexcept = default;

DcmItem& Source::dataset() const { return *file->getDataset(); }

Result<Source> openSource(const std::string& path, bool wholeFile) {
  Source source;
  if (path.empty()) return source;
  const Content content = sniff(path);
  if (content == Content::Missing) {
    return Error(Module::Report, std::filesystem::exists(path) ? ErrorCode::Unreadable : ErrorCode::NotFound,
                 "cannot open the source film", path);
  }
  if (content == Content::Raster) return source;
  // Before DCMTK parses anything: its recursion over nested sequences can overflow the stack.
  if (const auto deep = film::dicomStructureProblem(path)) return Error(Module::Report, ErrorCode::Malformed, *deep, path);

  auto file = std::make_unique<DcmFileFormat>();
  // Elements above 4 kB (pixel data) stay on disk until asked for: a header is all most writers need.
  const Uint32 maxRead = wholeFile ? DCM_MaxReadLength : 4096;
  const OFCondition loaded = file->loadFile(path.c_str(), EXS_Unknown, EGL_noChange, maxRead, ERM_autoDetect);
  if (loaded.bad() || (content == Content::Other && !file->getDataset()->tagExistsWithValue(DCM_SOPInstanceUID))) {
    if (content == Content::Other) return source;  // not DICOM: a new study
    return Error(Module::Report, ErrorCode::Malformed, std::string("not a readable DICOM file: ") + loaded.text(),
                 path);
  }
  if (wholeFile) {
    const OFCondition all = file->loadAllDataIntoMemory();
    if (all.bad()) return Error(Module::Report, ErrorCode::Truncated, std::string("cannot read: ") + all.text(), path);
  }
  DcmDataset& ds = *file->getDataset();
  // Outputs declare ISO_IR 192 (Hilum's own text is UTF-8: "°", "µ"); copied names must match.
  const OFCondition utf8 = ds.convertToUTF8();
  if (utf8.bad()) {
    return Error(Module::Report, ErrorCode::Unsupported,
                 "cannot convert character set " + getString(ds, DCM_SpecificCharacterSet) +
                     " to UTF-8: " + utf8.text(),
                 path);
  }
  source.sopClassUid = getString(ds, DCM_SOPClassUID);
  source.sopInstanceUid = getString(ds, DCM_SOPInstanceUID);
  source.studyInstanceUid = getString(ds, DCM_StudyInstanceUID);
  source.seriesInstanceUid = getString(ds, DCM_SeriesInstanceUID);
  source.modality = getString(ds, DCM_Modality);
  Sint32 frames = 1;
  if (ds.findAndGetSint32(DCM_NumberOfFrames, frames).good() && frames > 1) source.frames = frames;
  source.file = std::move(file);
  return source;
}

void copyPatientAndStudy(const Source& source, DcmItem& out) {
  if (source.isDicom()) {
    DcmItem& in = source.dataset();
    for (const DcmTagKey& tag : kPatientAndStudy) {
      DcmElement* element = nullptr;
      if (in.findAndGetElement(tag, element).good() && element != nullptr) {
        out.insert(static_cast<DcmElement*>(element->clone()), OFTrue);
      }
    }
  }
  for (const DcmTagKey& tag : kIdentityType2) {
    if (!out.tagExists(tag)) out.insertEmptyElement(tag);
  }
  if (source.studyInstanceUid.empty()) {
    // The source has none (a raster, or a DICOM without one): the object starts a study of its
    // own, replacing whatever a DCMTK writer (DSRDocument) put there under DCMTK's root.
    out.putAndInsertString(DCM_StudyInstanceUID, newUid().c_str());
  }
  out.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
}

void putBodyPartAndLaterality(const Source& source, DcmItem& out) {
  const std::string bodyPart = source.isDicom() ? getString(source.dataset(), DCM_BodyPartExamined) : std::string();
  const std::string laterality = source.isDicom() ? getString(source.dataset(), DCM_Laterality) : std::string();
  if (!bodyPart.empty()) out.putAndInsertString(DCM_BodyPartExamined, bodyPart.c_str());
  if (laterality == "R" || laterality == "L") {
    out.putAndInsertString(DCM_Laterality, laterality.c_str());
  } else if (bodyPart.empty()) {
    out.insertEmptyElement(DCM_Laterality);
  }
}

void putSourceReference(const Source& source, DcmItem& item, bool withFrame) {
  item.putAndInsertString(DCM_ReferencedSOPClassUID, source.sopClassUid.c_str());
  item.putAndInsertString(DCM_ReferencedSOPInstanceUID, source.sopInstanceUid.c_str());
  if (withFrame && source.frames > 1) item.putAndInsertString(DCM_ReferencedFrameNumber, "1");
}

}  // namespace hilum::derived::detail
