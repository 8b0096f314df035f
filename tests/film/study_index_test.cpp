// The study index: folders and DICOMDIRs become patients, studies, series and films in browse
// order; what cannot be indexed is listed with a reason. Every file is written here.
#include "dicom_fixture.h"
#include "temp_dir.h"

#include "hilum/film/loader.h"
#include "hilum/film/study_index.h"

#include <catch2/catch.hpp>
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcddirif.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <filesystem>
#include <random>

using hilum::ErrorCode;
using hilum::film::indexPath;
using hilum::film::IndexOptions;
using hilum::film::SourceFormat;
using hilum::film::StudyIndex;
using namespace hilum::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

namespace fs = std::filesystem;

struct Identity {
  std::string patient = "Test^Phantom";
  std::string patientId = "HILUM-TEST-1";
  std::string study;  // Study Instance UID; empty writes an empty element
  std::string studyDate;
  std::string series;  // Series Instance UID; empty writes an empty element
  std::string seriesNumber = "1";
  std::string instance = "1";
  std::string view = "PA";
};

// A small film with the given identity, its folders made on the way. The attributes DicomDirInterface
// needs for PATIENT/STUDY/SERIES/IMAGE records (Study Time, Study ID, ...) are always written.
std::string writeFilm(const std::string& path, const Identity& id,
                      std::vector<std::pair<std::string, std::string>> extra = {}) {
  fs::create_directories(fs::path(path).parent_path());
  DicomSpec spec;
  spec.rows = 12;
  spec.columns = 10;
  spec.attributes = {{"PatientName", id.patient},       {"PatientID", id.patientId},
                     {"StudyInstanceUID", id.study},    {"StudyDate", id.studyDate},
                     {"StudyTime", "120000"},           {"StudyID", "1"},
                     {"AccessionNumber", "ACC1"},       {"SeriesInstanceUID", id.series},
                     {"SeriesNumber", id.seriesNumber}, {"InstanceNumber", id.instance},
                     {"ViewPosition", id.view}};
  spec.attributes.insert(spec.attributes.end(), extra.begin(), extra.end());
  writeDicom(spec, path);
  return path;
}

void writePng(const std::string& path, int rows, int columns) {
  fs::create_directories(fs::path(path).parent_path());
  REQUIRE(cv::imwrite(path, cv::Mat(rows, columns, CV_8UC1, cv::Scalar(100))));
}

std::string randomBytes(std::size_t size, unsigned seed) {
  std::mt19937 random(seed);
  std::string bytes(size, '\0');
  for (char& c : bytes) c = static_cast<char>(random() & 0xFF);
  return bytes;
}

StudyIndex indexOf(const std::string& path, const IndexOptions& options = {}) {
  auto index = indexPath(path, options);
  if (!index.ok()) FAIL("indexPath failed: " << index.error().message());
  return std::move(index).value();
}

std::string reasonFor(const StudyIndex& index, const std::string& path) {
  for (const auto& s : index.skipped)
    if (s.path == path) return s.reason;
  return "(not skipped)";
}

// Two patients, three studies, series numbered 1, 2 and 10, instance numbers out of file-name
// order, a PNG, and files that are not films.
struct Library {
  TempDir dir;
  std::string root = dir.path();
  Library() {
    Identity alice{"ALICE^A", "P1", "1.2.826.1.1", "20240105", "1.2.826.1.1.1", "1", "3"};
    writeFilm(root + "/alice/2024/pa/a.dcm", alice);
    alice.instance = "1";
    writeFilm(root + "/alice/2024/pa/b.dcm", alice);
    alice.instance = "2";
    writeFilm(root + "/alice/2024/pa/c.dcm", alice);
    Identity lateral = alice;
    lateral.series = "1.2.826.1.1.2";
    lateral.seriesNumber = "10";
    lateral.instance = "1";
    lateral.view = "LL";
    writeFilm(root + "/alice/2024/lat/d.dcm", lateral);
    lateral.series = "1.2.826.1.1.3";
    lateral.seriesNumber = "2";
    writeFilm(root + "/alice/2024/lat/e.dcm", lateral);
    writeFilm(root + "/alice/2023/f.dcm", {"ALICE^A", "P1", "1.2.826.1.2", "20230101", "1.2.826.1.2.1"});
    writeFilm(root + "/bob/g.dcm", {"BOB^B", "P2", "1.2.826.2.1", "20250101", "1.2.826.2.1.1"});
    writePng(root + "/photos/x.png", 30, 40);
    writeBytes(root + "/junk.dcm", randomBytes(4000, 7));
    writeBytes(root + "/empty.dcm", "");
    writeBytes(root + "/notes.txt", "films from the ward\n");
    const std::string whole = readBytes(writeFilm(root + "/trunc.dcm", {}));
    writeBytes(root + "/trunc.dcm", whole.substr(0, 300));  // inside the data set's header
    writeFilm(root + "/.hidden/h.dcm", {});
  }
};

}  // namespace

TEST_CASE("a folder is grouped by UID into patients, studies and series in browse order", "[film][index]") {
  Library lib;
  const std::string& r = lib.root;
  const StudyIndex index = indexOf(r + "/");  // a trailing slash must not leak into the paths

  REQUIRE(index.patients.size() == 3);
  CHECK(index.patients[0].name.empty());  // the PNG's patient: no identity sorts first
  CHECK(index.patients[1].name == "ALICE^A");
  CHECK(index.patients[1].id == "P1");
  CHECK(index.patients[2].name == "BOB^B");

  const auto& alice = index.patients[1];
  REQUIRE(alice.studies.size() == 2);
  CHECK(alice.studies[0].studyDate == "20240105");  // newest first
  CHECK(alice.studies[0].studyInstanceUid == "1.2.826.1.1");
  CHECK(alice.studies[0].key == "1.2.826.1.1");
  CHECK(alice.studies[0].accessionNumber == "ACC1");
  CHECK(alice.studies[1].studyDate == "20230101");
  const auto& series = alice.studies[0].series;
  REQUIRE(series.size() == 3);
  CHECK(series[0].number == 1);
  CHECK(series[1].number == 2);  // numbers, not text: 2 before 10
  CHECK(series[2].number == 10);
  CHECK(series[0].modality == "DX");
  REQUIRE(series[0].films.size() == 3);
  CHECK(series[0].films[0].instanceNumber == 1);
  CHECK(series[0].films[0].path == r + "/alice/2024/pa/b.dcm");
  CHECK(series[0].films[0].rows == 12);
  CHECK(series[0].films[0].columns == 10);
  CHECK(series[0].films[0].frames == 1);
  CHECK(series[0].films[0].format == SourceFormat::Dicom);
  CHECK(series[0].films[0].viewPosition == "PA");
  CHECK(series[0].films[0].modality == "DX");
  CHECK_FALSE(series[0].films[0].sopInstanceUid.empty());
  CHECK(series[2].films[0].viewPosition == "LL");

  const std::vector<std::string> expected = {
      r + "/photos/x.png",         r + "/alice/2024/pa/b.dcm", r + "/alice/2024/pa/c.dcm", r + "/alice/2024/pa/a.dcm",
      r + "/alice/2024/lat/e.dcm", r + "/alice/2024/lat/d.dcm", r + "/alice/2023/f.dcm",  r + "/bob/g.dcm"};
  CHECK(index.filmPaths() == expected);
  CHECK(index.filmCount() == expected.size());

  // Hidden folders are passed over; everything else that is not a film is listed with its reason.
  REQUIRE(index.skipped.size() == 4);
  CHECK(index.skipped[0].path == r + "/empty.dcm");
  CHECK(index.skipped[0].reason == "file is empty");
  CHECK_THAT(reasonFor(index, r + "/junk.dcm"), Contains("not a DICOM file"));
  CHECK_THAT(reasonFor(index, r + "/notes.txt"), Contains("not a DICOM file"));
  CHECK_THAT(reasonFor(index, r + "/trunc.dcm"), Contains("ends early"));

  // The same files give the same index.
  const StudyIndex again = indexOf(r);
  CHECK(again.filmPaths() == expected);
  CHECK(again.skipped.size() == index.skipped.size());
}

TEST_CASE("films without Study or Series UID are grouped by folder, not dropped", "[film][index]") {
  TempDir dir;
  writeFilm(dir.file("ward1/a.dcm"), {});
  writeFilm(dir.file("ward1/b.dcm"), {});
  writeFilm(dir.file("ward2/c.dcm"), {});
  const StudyIndex index = indexOf(dir.path());
  REQUIRE(index.patients.size() == 1);
  const auto& studies = index.patients[0].studies;
  REQUIRE(studies.size() == 2);
  CHECK(studies[0].key == "folder:" + dir.file("ward1"));
  CHECK(studies[0].description == "ward1");  // the folder's name stands in for a description
  CHECK(studies[0].studyInstanceUid.empty());
  REQUIRE(studies[0].series.size() == 1);
  CHECK(studies[0].series[0].key == "folder:" + dir.file("ward1"));
  CHECK(studies[0].series[0].films.size() == 2);
  CHECK(studies[1].description == "ward2");
  CHECK(index.filmCount() == 3);
}

TEST_CASE("names are read in the file's Specific Character Set", "[film][index]") {
  TempDir dir;
  Identity cyrillic{"\xB8\xD2\xD0\xDD\xDE\xD2^\xB8\xD2\xD0\xDD", "C1", "1.2.826.9.1", "20240101", "1.2.826.9.1.1"};
  writeFilm(dir.file("c.dcm"), cyrillic, {{"SpecificCharacterSet", "ISO_IR 144"}});  // ISO 8859-5
  Identity latin{"M\xFCller^J\xFCrgen", "L1", "1.2.826.9.2", "20240101", "1.2.826.9.2.1"};
  writeFilm(dir.file("l.dcm"), latin, {{"SpecificCharacterSet", "ISO_IR 100"}, {"StudyDescription", "Th\xF6rax"}});
  const StudyIndex index = indexOf(dir.path());
  REQUIRE(index.patients.size() == 2);
  CHECK(index.patients[0].name == "M\xC3\xBCller^J\xC3\xBCrgen");
  CHECK(index.patients[0].studies[0].description == "Th\xC3\xB6rax");
  CHECK(index.patients[1].name == "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xB2^\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD");
}

TEST_CASE("rasters: one patient without identity, a study per folder, size from the header", "[film][index]") {
  TempDir dir;
  writePng(dir.file("day1/a.png"), 30, 40);
  fs::create_directories(dir.file("day2"));
  REQUIRE(cv::imwrite(dir.file("day2/b.JPG"), cv::Mat(50, 20, CV_8UC1, cv::Scalar(7))));
  REQUIRE(cv::imwrite(dir.file("day2/c.tiff"), cv::Mat(16, 24, CV_16UC1, cv::Scalar(7))));
  REQUIRE(cv::imwrite(dir.file("day2/noname.png"), cv::Mat(16, 24, CV_8UC1, cv::Scalar(7))));
  fs::rename(dir.file("day2/noname.png"), dir.file("day2/noname"));
  writeBytes(dir.file("day2/fake.png"), "not really a picture");

  const StudyIndex index = indexOf(dir.path());
  REQUIRE(index.patients.size() == 1);
  const auto& patient = index.patients[0];
  CHECK(patient.name.empty());
  CHECK(patient.id.empty());
  REQUIRE(patient.studies.size() == 2);
  CHECK(patient.studies[0].description == "day1");
  CHECK(patient.studies[1].description == "day2");
  REQUIRE(patient.studies[0].series.size() == 1);
  const auto& a = patient.studies[0].series[0].films.at(0);
  CHECK(a.format == SourceFormat::Png);
  CHECK(a.rows == 30);
  CHECK(a.columns == 40);
  CHECK(a.sopInstanceUid.empty());
  const auto& day2 = patient.studies[1].series.at(0).films;
  REQUIRE(day2.size() == 2);
  CHECK(day2[0].format == SourceFormat::Jpeg);
  CHECK(day2[0].rows == 50);
  CHECK(day2[0].columns == 20);
  CHECK(day2[1].format == SourceFormat::Tiff);
  CHECK(day2[1].rows == 16);
  // Rasters are picked by name; content must agree.
  CHECK_THAT(reasonFor(index, dir.file("day2/noname")), Contains(".png"));
  CHECK_THAT(reasonFor(index, dir.file("day2/fake.png")), Contains("not a PNG, JPEG or TIFF"));
}

TEST_CASE("recursive = false indexes only the folder itself", "[film][index]") {
  TempDir dir;
  writeFilm(dir.file("top.dcm"), {});
  writeFilm(dir.file("sub/deep.dcm"), {});
  IndexOptions flat;
  flat.recursive = false;
  CHECK(indexOf(dir.path(), flat).filmPaths() == std::vector<std::string>{dir.file("top.dcm")});
  CHECK(indexOf(dir.path()).filmCount() == 2);
}

TEST_CASE("progress counts every file, and returning false cancels", "[film][index]") {
  TempDir dir;
  for (const char* name : {"a.dcm", "b.dcm", "c.dcm", "d.dcm"}) writeFilm(dir.file(name), {});
  writeBytes(dir.file("e.txt"), "x");
  std::vector<std::pair<std::size_t, std::size_t>> calls;
  IndexOptions options;
  options.progress = [&](std::size_t done, std::size_t total) {
    calls.emplace_back(done, total);
    return true;
  };
  CHECK(indexOf(dir.path(), options).filmCount() == 4);
  CHECK(calls == std::vector<std::pair<std::size_t, std::size_t>>{{1, 5}, {2, 5}, {3, 5}, {4, 5}, {5, 5}});

  calls.clear();
  options.progress = [&](std::size_t done, std::size_t total) {
    calls.emplace_back(done, total);
    return done < 2;
  };
  const auto cancelled = indexPath(dir.path(), options);
  REQUIRE_FALSE(cancelled.ok());
  CHECK(cancelled.error().code() == ErrorCode::Cancelled);
  CHECK_THAT(cancelled.error().reason(), Contains("cancelled"));
  CHECK(calls.size() == 2);
}

TEST_CASE("a single film gives an index of one film; a missing path is an error", "[film][index]") {
  TempDir dir;
  writeFilm(dir.file("one.dcm"), {"SOLO^S", "S1", "1.2.826.5", "20200101", "1.2.826.5.1", "4", "7"});
  const StudyIndex index = indexOf(dir.file("one.dcm"));
  REQUIRE(index.filmCount() == 1);
  CHECK(index.patients[0].name == "SOLO^S");
  CHECK(index.patients[0].studies[0].series[0].number == 4);
  CHECK(index.patients[0].studies[0].series[0].films[0].instanceNumber == 7);
  CHECK(index.skipped.empty());

  const auto missing = indexPath(dir.file("nothing-here"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code() == ErrorCode::NotFound);
  CHECK(indexPath("").error().code() == ErrorCode::InvalidArgument);  // not the current folder
  writeBytes(dir.file("junk.bin"), randomBytes(500, 3));
  const auto junk = indexPath(dir.file("junk.bin"));
  REQUIRE_FALSE(junk.ok());
  CHECK_THAT(junk.error().reason(), Contains("not a DICOM file"));
}

TEST_CASE("only headers are read: damaged pixel data is found on open, not when indexing", "[film][index]") {
  TempDir dir;
  const std::string path = writeFilm(dir.file("cut.dcm"), {});
  const std::string whole = readBytes(path);
  writeBytes(path, whole.substr(0, whole.size() - 100));
  REQUIRE_FALSE(hilum::film::loadFilm(path).ok());
  const StudyIndex index = indexOf(dir.path());
  REQUIRE(index.filmCount() == 1);
  CHECK(index.patients[0].studies[0].series[0].films[0].rows == 12);
}

TEST_CASE("damaged and random files are skipped with a reason, never a crash", "[film][index]") {
  TempDir dir;
  const std::string whole = readBytes(writeFilm(dir.file("source.dcm"), {}));
  fs::remove(dir.file("source.dcm"));
  int files = 0;
  // Every cut through the preamble, File Meta and data set header, then into the pixels.
  for (std::size_t cut = 1; cut < std::min<std::size_t>(whole.size(), 900); cut += 13) {
    writeBytes(dir.file("cut" + std::to_string(cut) + ".dcm"), whole.substr(0, cut));
    ++files;
  }
  for (unsigned seed = 0; seed < 30; ++seed) {
    const std::string noise = randomBytes(64 + seed * 97, seed);
    writeBytes(dir.file("noise" + std::to_string(seed) + ".dcm"), noise);
    // Noise behind a valid preamble, and noise that starts like a bare data set (group 0008).
    writeBytes(dir.file("dicm" + std::to_string(seed) + ".dcm"), std::string(128, '\0') + "DICM" + noise);
    writeBytes(dir.file("bare" + std::to_string(seed) + ".dcm"), std::string("\x08\x00\x05\x00", 4) + noise);
    // A header that survives while the data set behind it is noise.
    writeBytes(dir.file("tail" + std::to_string(seed) + ".dcm"), whole.substr(0, 400) + noise);
    files += 4;
  }
  const StudyIndex index = indexOf(dir.path());
  CHECK(index.filmCount() + index.skipped.size() == static_cast<std::size_t>(files));
  for (const auto& s : index.skipped) {
    INFO(s.path);
    CHECK_FALSE(s.reason.empty());
  }
  // Each file alone gives a film or an Error with a reason.
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    const auto single = indexPath(entry.path().string());
    INFO(entry.path().string());
    if (single.ok()) CHECK(single.value().filmCount() == 1);
    else CHECK_FALSE(single.error().reason().empty());
  }
}

namespace {

// A general-purpose (STD-GEN-CD) file-set written by DCMTK's own DICOMDIR writer. File IDs
// follow PS3.10: upper case, at most eight characters per component.
struct FileSet {
  TempDir dir;
  std::string root = dir.path();
  FileSet() {
    Identity ann{"ANN^A", "P10", "1.2.826.7.1", "20210101", "1.2.826.7.1.1", "1", "2"};
    write("ANN/ST1/IMG1", ann);
    ann.instance = "1";
    write("ANN/ST1/IMG2", ann);
    Identity annLater{"ANN^A", "P10", "1.2.826.7.2", "20220202", "1.2.826.7.2.1", "3", "1"};
    write("ANN/ST2/IMG1", annLater);
    Identity cyril{"\xB8\xD2\xD0\xDD\xDE\xD2^\xB8\xD2\xD0\xDD", "P11", "1.2.826.7.3", "20200303", "1.2.826.7.3.1"};
    write("CYR/IMG1", cyril, {{"SpecificCharacterSet", "ISO_IR 144"}});
    // On disk but not in the DICOMDIR: must not be listed, proving the records were used.
    writeFilm(root + "/EXTRA/IMG9", {"EXTRA^E", "P12", "1.2.826.7.9", "20200101", "1.2.826.7.9.1"});
    // The DICOMDIR is written once the files it lists exist.
    DicomDirInterface writer;
    REQUIRE(writer.createNewDicomDir(DicomDirInterface::AP_GeneralPurpose, (root + "/DICOMDIR").c_str(), "HILUM").good());
    for (const std::string& id : ids) {
      INFO(id);
      REQUIRE(writer.addDicomFile(id.c_str(), root.c_str()).good());
    }
    REQUIRE(writer.writeDicomDir().good());
  }
  void write(const std::string& id, const Identity& identity, std::vector<std::pair<std::string, std::string>> extra = {}) {
    writeFilm(root + "/" + id, identity, std::move(extra));
    ids.push_back(id);
  }
  std::vector<std::string> ids;
};

}  // namespace

TEST_CASE("a DICOMDIR is read through its directory records", "[film][index][dicomdir]") {
  FileSet set;
  const std::string& r = set.root;
  for (const std::string& path : {r, r + "/DICOMDIR"}) {
    INFO(path);
    const StudyIndex index = indexOf(path);
    const std::vector<std::string> expected = {r + "/ANN/ST2/IMG1", r + "/ANN/ST1/IMG2", r + "/ANN/ST1/IMG1",
                                               r + "/CYR/IMG1"};
    CHECK(index.filmPaths() == expected);  // EXTRA/IMG9 is not in the DICOMDIR
    CHECK(index.skipped.empty());
    REQUIRE(index.patients.size() == 2);
    const auto& ann = index.patients[0];
    CHECK(ann.name == "ANN^A");
    CHECK(ann.id == "P10");
    REQUIRE(ann.studies.size() == 2);
    CHECK(ann.studies[0].studyInstanceUid == "1.2.826.7.2");
    CHECK(ann.studies[0].studyDate == "20220202");
    CHECK(ann.studies[0].series[0].number == 3);
    CHECK(ann.studies[0].series[0].modality == "DX");
    const auto& film = ann.studies[1].series[0].films[0];
    CHECK(film.instanceNumber == 1);
    CHECK(film.rows == 12);  // from the file's header: IMAGE records need not say
    CHECK(film.viewPosition == "PA");
    CHECK_FALSE(film.sopInstanceUid.empty());
    CHECK(index.patients[1].name ==
          "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xB2^\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD");
  }
}

TEST_CASE("a DICOMDIR naming a deleted file lists it as skipped", "[film][index][dicomdir]") {
  FileSet set;
  fs::remove(set.root + "/ANN/ST1/IMG2");
  const StudyIndex index = indexOf(set.root);
  CHECK(index.filmCount() == 3);
  REQUIRE(index.skipped.size() == 1);
  CHECK(index.skipped[0].path == set.root + "/ANN/ST1/IMG2");
  CHECK_THAT(index.skipped[0].reason, Contains("DICOMDIR") && Contains("ANN\\ST1\\IMG2") && Contains("missing"));
}

TEST_CASE("a lower-case dicomdir on a case-folded copy is still used", "[film][index][dicomdir]") {
  FileSet set;
  fs::rename(set.root + "/DICOMDIR", set.root + "/dicomdir");
  fs::rename(set.root + "/CYR", set.root + "/cyr");
  fs::rename(set.root + "/cyr/IMG1", set.root + "/cyr/img1");
  const StudyIndex index = indexOf(set.root);
  CHECK(index.filmCount() == 4);
  CHECK(index.skipped.empty());
  CHECK(index.filmPaths().back() == set.root + "/cyr/img1");
}

TEST_CASE("a damaged DICOMDIR: named directly it is an error, in a folder the folder is scanned", "[film][index][dicomdir]") {
  FileSet set;
  const std::string whole = readBytes(set.root + "/DICOMDIR");
  writeBytes(set.root + "/DICOMDIR", whole.substr(0, whole.size() / 2));
  const auto direct = indexPath(set.root + "/DICOMDIR");
  REQUIRE_FALSE(direct.ok());
  CHECK_THAT(direct.error().reason(), Contains("ends early"));

  const StudyIndex scanned = indexOf(set.root);
  CHECK(scanned.filmCount() == 5);  // EXTRA/IMG9 too: every file was looked at
  REQUIRE(scanned.skipped.size() == 1);
  CHECK(scanned.skipped[0].path == set.root + "/DICOMDIR");
  CHECK_THAT(scanned.skipped[0].reason, Contains("scanned instead"));
}
