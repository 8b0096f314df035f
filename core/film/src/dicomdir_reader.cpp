#include "dicomdir_reader_p.h"

#include "codec_registry_p.h"
#include "dicom_attributes_p.h"
#include "dicom_structure_p.h"
#include "dicom_reader_p.h"
#include "film_header_p.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdicdir.h>
#include <dcmtk/dcmdata/dcdirrec.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace hilum::film::detail {
namespace {

namespace fs = std::filesystem;

// PATIENT > STUDY > SERIES > IMAGE is four levels; anything deeper is a damaged record tree.
constexpr int kMaxRecordDepth = 16;

Error fail(ErrorCode code, std::string reason, const std::string& path) {
  return Error(Module::Film, code, std::move(reason), path);
}

// One IMAGE record with what its ancestors said.
struct ImageRecord {
  FilmMetadata patient, study, series;
  std::string studyKey, seriesKey;  // "record:<n>" when the record has no UID
  std::string sopInstanceUid;       // Referenced SOP Instance UID in File
  std::string instanceNumber;
  std::string fileId;               // Referenced File ID, components joined by '\'
};

struct RecordContext {
  FilmMetadata patient, study, series;
  std::string studyKey, seriesKey;
};

std::string stringOf(DcmItem& item, const DcmTagKey& tag) {
  OFString value;
  if (item.findAndGetOFStringArray(tag, value).good()) return value.c_str();
  return {};
}

void collectImages(DcmDirectoryRecord& parent, const RecordContext& context, int depth, int& ordinal,
                   std::vector<ImageRecord>& images) {
  if (depth > kMaxRecordDepth) return;
  for (unsigned long i = 0; i < parent.cardSub(); ++i) {
    DcmDirectoryRecord* record = parent.getSub(i);
    if (record == nullptr) continue;
    ++ordinal;
    // Each record may declare its own Specific Character Set (PS3.3 F.5.1); DCMTK converts one
    // record at a time, so nothing is converted twice.
    record->convertToUTF8().good();
    RecordContext inner = context;
    switch (record->getRecordType()) {
      case ERT_Patient:
        inner.patient = readMetadata(*record);
        break;
      case ERT_Study:
        inner.study = readMetadata(*record);
        inner.studyKey = "record:" + std::to_string(ordinal);
        break;
      case ERT_Series:
        inner.series = readMetadata(*record);
        inner.seriesKey = "record:" + std::to_string(ordinal);
        break;
      case ERT_Image: {
        ImageRecord image{context.patient, context.study, context.series, context.studyKey, context.seriesKey, {}, {},
                          stringOf(*record, DCM_ReferencedFileID)};
        image.sopInstanceUid = stringOf(*record, DCM_ReferencedSOPInstanceUIDInFile);
        image.instanceNumber = stringOf(*record, DCM_InstanceNumber);
        images.push_back(std::move(image));
        break;
      }
      default:
        break;  // SR documents, presentation states, private records: not films
    }
    collectImages(*record, inner, depth + 1, ordinal, images);
  }
}

bool equalsIgnoringCase(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
         });
}

// A File ID component on disk. Referenced File IDs are upper-case (PS3.10 8.5), but CD file
// systems mounted on Linux may show names lower-case or with ISO 9660's ";1" version suffix.
fs::path resolveComponent(const fs::path& folder, const std::string& component) {
  fs::path exact = folder / component;
  std::error_code ec;
  if (fs::exists(exact, ec)) return exact;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    const auto semicolon = name.find(';');
    if (semicolon != std::string::npos) name.resize(semicolon);
    if (equalsIgnoringCase(name, component)) return it->path();
  }
  return exact;
}

// The file a Referenced File ID names, below the DICOMDIR's folder; an empty path and `problem`
// when the ID is empty or tries to leave the file-set.
fs::path resolveFileId(const fs::path& root, const std::string& fileId, std::string& problem) {
  if (fileId.empty()) {
    problem = "an IMAGE record in the DICOMDIR names no file (Referenced File ID is empty)";
    return {};
  }
  fs::path path = root;
  std::size_t start = 0;
  while (start <= fileId.size()) {
    const std::size_t end = std::min(fileId.find('\\', start), fileId.size());
    std::string component = fileId.substr(start, end - start);
    while (!component.empty() && component.back() == ' ') component.pop_back();  // CS padding
    if (component.empty() || component == "." || component == ".." || component.find('/') != std::string::npos) {
      problem = "Referenced File ID '" + fileId + "' is not a file inside the file-set";
      return {};
    }
    path = resolveComponent(path, component);
    start = end + 1;
  }
  return path;
}

void prefer(std::string& value, const std::string& fromRecord) {
  if (!fromRecord.empty()) value = fromRecord;
}

// The records are the file-set's index and win over the file for grouping; the file gives the rest.
IndexEntry makeEntry(FilmHeader header, const ImageRecord& image) {
  FilmMetadata& m = header.metadata;
  prefer(m.patientName, image.patient.patientName);
  prefer(m.patientId, image.patient.patientId);
  prefer(m.patientBirthDate, image.patient.patientBirthDate);
  prefer(m.patientSex, image.patient.patientSex);
  prefer(m.studyInstanceUid, image.study.studyInstanceUid);
  prefer(m.studyDate, image.study.studyDate);
  prefer(m.studyTime, image.study.studyTime);
  prefer(m.studyDescription, image.study.studyDescription);
  prefer(m.accessionNumber, image.study.accessionNumber);
  prefer(m.seriesInstanceUid, image.series.seriesInstanceUid);
  prefer(m.seriesDescription, image.series.seriesDescription);
  prefer(m.seriesNumber, image.series.seriesNumber);
  prefer(m.modality, image.series.modality);
  prefer(header.film.sopInstanceUid, image.sopInstanceUid);
  if (!image.instanceNumber.empty()) header.film.instanceNumber = parseNumber(image.instanceNumber);

  const fs::path parent = fs::path(header.film.path).parent_path();
  IndexEntry entry;
  entry.studyKey = !m.studyInstanceUid.empty() ? m.studyInstanceUid
                   : !image.studyKey.empty()   ? image.studyKey
                                               : "folder:" + parent.string();
  entry.seriesKey = !m.seriesInstanceUid.empty() ? m.seriesInstanceUid
                    : !image.seriesKey.empty()   ? image.seriesKey
                                                 : "folder:" + parent.string();
  entry.folderName = parent.filename().string();
  entry.header = std::move(header);
  return entry;
}

}  // namespace

bool isDicomDirFile(const std::string& path) {
  char head[132] = {};
  {
    std::ifstream in(path, std::ios::binary);
    if (!in.read(head, sizeof head) || std::memcmp(head + 128, "DICM", 4) != 0) return false;
  }
  ensureDcmtkReady();
  DcmFileFormat file;
  if (file.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, DCM_MaxReadLength, ERM_metaOnly).bad()) return false;
  OFString mediaClass;
  return file.getMetaInfo()->findAndGetOFString(DCM_MediaStorageSOPClassUID, mediaClass).good() &&
         mediaClass == UID_MediaStorageDirectoryStorage;
}

Result<CollectedFiles> readDicomDir(const std::string& path, const IndexOptions& options) {
  if (!isDicomDirFile(path))
    return fail(ErrorCode::Malformed, "not a DICOMDIR (its File Meta does not name Media Storage Directory Storage)",
                path);
  if (const auto deep = structureProblem(path)) return fail(ErrorCode::Malformed, *deep, path);
  DcmDicomDir dir(path.c_str());
  // DcmDicomDir quietly starts an empty directory when the file does not load; an empty File Meta
  // tells. Only then is the file loaded again, to say why.
  OFString mediaClass;
  if (dir.getDirFileFormat().getMetaInfo()->findAndGetOFString(DCM_MediaStorageSOPClassUID, mediaClass).bad()) {
    DcmFileFormat file;
    const OFCondition loaded = file.loadFile(path.c_str());
    if (loaded.bad()) return loadFailure(loaded, path);
    return fail(ErrorCode::Malformed, "DICOMDIR cannot be read", path);
  }

  CollectedFiles collected;
  if (dir.error().bad())
    collected.skipped.push_back({path, std::string("DICOMDIR record links are inconsistent (") + dir.error().text() +
                                           "); the records that could be reached are listed"});
  std::vector<ImageRecord> images;
  int ordinal = 0;
  collectImages(dir.getRootRecord(), RecordContext{}, 0, ordinal, images);

  const fs::path root = fs::path(path).parent_path();
  for (std::size_t i = 0; i < images.size(); ++i) {
    const ImageRecord& image = images[i];
    std::string problem;
    const fs::path file = resolveFileId(root, image.fileId, problem);
    std::error_code ec;
    if (file.empty()) {
      collected.skipped.push_back({path, problem});
    } else if (!fs::exists(file, ec)) {
      collected.skipped.push_back({file.string(), "listed in DICOMDIR as " + image.fileId + " but missing"});
    } else {
      auto header = readFilmHeader(file.string(), false);
      if (header.ok()) collected.entries.push_back(makeEntry(std::move(header).value(), image));
      else collected.skipped.push_back({file.string(), header.error().reason()});
    }
    const Status going = reportProgress(options, i + 1, images.size(), path);
    if (!going.ok()) return going.error();
  }
  return collected;
}

}  // namespace hilum::film::detail
