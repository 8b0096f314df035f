#include "hilum/pacs/send.h"

#include "hilum/film/dicom_structure.h"

#include "association_p.h"
#include "syntaxes_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcerror.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace hilum::pacs {
namespace {

const char* const kOperation = "C-STORE";
// PS3.8 9.3.2.2: presentation context IDs are odd numbers 1-255.
constexpr std::size_t kMaxContexts = 128;

struct FileHeader {
  std::string sopClassUid;
  std::string sopInstanceUid;
  std::string studyInstanceUid;
  std::string transferSyntaxUid;
  std::string problem;  // not sendable, and why
};

FileHeader readHeader(const std::string& path) {
  FileHeader h;
  // DCMTK reads nested sequences by recursion: a deep enough file overflows the stack, here and
  // again when the file is sent. Refused before either.
  if (const auto deep = film::dicomStructureProblem(path)) {
    h.problem = *deep;
    return h;
  }
  DcmFileFormat file;
  // Everything before the pixel data is enough to know what the file is.
  const OFCondition cond =
      file.loadFileUntilTag(path.c_str(), EXS_Unknown, EGL_noChange, DCM_MaxReadLength, ERM_autoDetect, DCM_PixelData);
  if (cond.bad()) {
    h.problem = std::string("not a readable DICOM file (") + cond.text() + ")";
    return h;
  }
  OFString value;
  DcmDataset* ds = file.getDataset();
  if (ds->findAndGetOFString(DCM_SOPClassUID, value).good()) h.sopClassUid = value.c_str();
  if (ds->findAndGetOFString(DCM_SOPInstanceUID, value).good()) h.sopInstanceUid = value.c_str();
  if (ds->findAndGetOFString(DCM_StudyInstanceUID, value).good()) h.studyInstanceUid = value.c_str();
  const DcmXfer xfer(ds->getOriginalXfer());
  h.transferSyntaxUid = xfer.getXferID();
  if (h.sopClassUid.empty() || h.sopInstanceUid.empty()) h.problem = "no SOP Class or SOP Instance UID";
  return h;
}

OFList<OFString> toOFList(const std::vector<std::string>& items) {
  OFList<OFString> list;
  for (const auto& s : items) list.push_back(s.c_str());
  return list;
}

// The association and the ordinary per-file failures are told apart by where the condition comes
// from: dcmdata (cannot decompress), or "no presentation context", leave the association usable.
bool associationLost(const OFCondition& cond) {
  return cond.module() == OFM_dcmnet && cond != DIMSE_NOVALIDPRESENTATIONCONTEXTID;
}

bool isHidden(const std::filesystem::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name.front() == '.';
}

}  // namespace

Result<std::vector<std::string>> collectFiles(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return Error(Module::Pacs, ErrorCode::NotFound, "no such file or folder", path);
    if (!fs::is_directory(status)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) return Error(Module::Pacs, ErrorCode::Unreadable, "cannot list the folder: " + ec.message(), path);
    for (; it != end; it.increment(ec)) {
      if (ec) return Error(Module::Pacs, ErrorCode::Unreadable, "cannot list the folder: " + ec.message(), path);
      if (isHidden(it->path())) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && it->path().filename() != "DICOMDIR") found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

Result<TransferReport> store(const Node& node, const std::vector<std::string>& files, const ScuOptions& options,
                             const ProgressCallback& progress, CancelFlag cancel) {
  if (files.empty()) return Error(Module::Pacs, ErrorCode::InvalidArgument, "no files to send");
  SigpipeGuard sigpipe;
  prepareDcmtk();
  TransferReport report;
  report.instances.resize(files.size());
  std::vector<FileHeader> headers(files.size());
  // Per SOP class, the transfer syntaxes its files come in.
  std::map<std::string, std::set<std::string>> classes;
  for (std::size_t i = 0; i < files.size(); ++i) {
    headers[i] = readHeader(files[i]);
    InstanceOutcome& out = report.instances[i];
    out.path = files[i];
    out.sopClassUid = headers[i].sopClassUid;
    out.sopInstanceUid = headers[i].sopInstanceUid;
    out.studyInstanceUid = headers[i].studyInstanceUid;
    out.reason = headers[i].problem;
    if (headers[i].problem.empty()) classes[headers[i].sopClassUid].insert(headers[i].transferSyntaxUid);
  }
  if (classes.empty()) {
    const Error first(Module::Pacs, ErrorCode::NotAnImage, report.instances.front().reason, files.front());
    return files.size() == 1 ? first
                             : Error(Module::Pacs, ErrorCode::InvalidArgument,
                                     "none of the " + std::to_string(files.size()) + " files is DICOM");
  }

  Association assoc(node, options, cancel);
  assoc.setDatasetConversionMode(OFTrue);
  std::size_t contexts = 0;
  const auto& plain = uncompressedSyntaxes();
  for (const auto& [sopClass, syntaxes] : classes) {
    // The file's own syntax alone first, so the peer can take it as it is; then the uncompressed
    // fallback every peer must accept.
    for (const auto& syntax : syntaxes) {
      if (std::find(plain.begin(), plain.end(), syntax) != plain.end() || contexts >= kMaxContexts) continue;
      assoc.addPresentationContext(sopClass.c_str(), toOFList({syntax}));
      ++contexts;
    }
    if (contexts < kMaxContexts) {
      assoc.addPresentationContext(sopClass.c_str(), toOFList(plain));
      ++contexts;
    }
  }
  if (Status s = assoc.open(kOperation); !s.ok()) return s.error();

  std::size_t done = 0;
  const std::size_t total = files.size();
  for (std::size_t i = 0; i < files.size(); ++i) {
    InstanceOutcome& out = report.instances[i];
    if (!headers[i].problem.empty()) {
      if (progress) progress({++done, total, files[i]});
      continue;
    }
    if (report.interruption) {
      out.reason = "not sent: " + report.interruption->reason();
      continue;
    }
    if (assoc.cancelRequested()) {
      report.interruption = assoc.cancelled(kOperation);
      out.reason = "not sent: cancelled";
      continue;
    }
    const FileHeader& h = headers[i];
    T_ASC_PresentationContextID pc = assoc.findPresentationContextID(h.sopClassUid.c_str(), h.transferSyntaxUid.c_str());
    for (const auto& syntax : plain)
      if (pc == 0) pc = assoc.findPresentationContextID(h.sopClassUid.c_str(), syntax.c_str());
    if (pc == 0) {
      out.reason = "the node accepts " + std::string(dcmFindNameOfUID(h.sopClassUid.c_str(), h.sopClassUid.c_str())) +
                   " neither in " + syntaxName(h.transferSyntaxUid) + " nor uncompressed";
      if (progress) progress({++done, total, files[i]});
      continue;
    }
    Uint16 status = 0;
    const OFCondition cond = assoc.sendSTORERequest(pc, files[i].c_str(), nullptr, status);
    if (cond.bad()) {
      if (associationLost(cond)) {
        report.interruption = assoc.failure(kOperation, cond);
        out.reason = "not stored: " + report.interruption->reason();
        continue;
      }
      out.reason = "cannot be sent in the transfer syntax the node accepted (" + std::string(cond.text()) + ")";
      if (progress) progress({++done, total, files[i]});
      continue;
    }
    out.dimseStatus = status;
    if (status == STATUS_Success) {
      out.status = InstanceStatus::Stored;
    } else if ((status & 0xF000) == 0xB000) {  // warnings: stored, perhaps coerced
      out.status = InstanceStatus::Stored;
      out.reason = "stored with warning " + storeStatusText(status);
    } else {
      out.reason = "rejected by " + node.toString() + " with status " + storeStatusText(status);
    }
    if (progress) progress({++done, total, files[i]});
  }
  if (report.interruption && report.interruption->code() == ErrorCode::Cancelled) assoc.abort();
  else if (!report.interruption) assoc.release();
  return report;
}

}  // namespace hilum::pacs
