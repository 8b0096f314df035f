#include "local_store_p.h"

#include "hilum/film/dicom_structure.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmnet/dimse.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hilum::pacs {
namespace {

std::string errnoText() { return std::strerror(errno); }

bool makeDirs(const std::string& path) {
  if (path.empty()) return false;
  std::string partial;
  std::size_t pos = 0;
  while (pos != std::string::npos) {
    pos = path.find('/', pos + 1);
    partial = path.substr(0, pos);
    if (partial.empty()) continue;
    if (::mkdir(partial.c_str(), 0777) != 0 && errno != EEXIST) return false;
  }
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool syncPath(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

// Moves `from` to `to` unless `to` exists. Returns 0, EEXIST, or another errno.
int moveNoReplace(const std::string& from, const std::string& to) {
#ifdef RENAME_NOREPLACE
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return errno;
#endif
  // link() fails with EEXIST rather than replacing, which is the guarantee we need.
  if (::link(from.c_str(), to.c_str()) != 0) return errno;
  ::unlink(from.c_str());
  return 0;
}

std::string text(DcmItem& ds, const DcmTagKey& tag) {
  OFString value;
  if (ds.findAndGetOFString(tag, value).bad()) return {};
  return value.c_str();
}

}  // namespace

bool isUid(const std::string& text) {
  if (text.empty() || text.size() > 64 || text.front() == '.' || text.back() == '.') return false;
  for (const char c : text)
    if (c != '.' && (c < '0' || c > '9')) return false;
  return true;
}

Status prepareStoreRoot(const std::string& root) {
  if (root.empty()) return Error(Module::Pacs, ErrorCode::InvalidArgument, "no folder given for the local store");
  if (!makeDirs(root))
    return Error(Module::Pacs, ErrorCode::WriteFailed, "cannot create the store folder: " + errnoText(), root);
  if (::access(root.c_str(), W_OK | X_OK) != 0)
    return Error(Module::Pacs, ErrorCode::WriteFailed, "store folder is not writable", root);
  return Status::success();
}

namespace {

const char* const kAlreadyStored = "an instance with this SOP Instance UID is already stored; the first copy is kept";

// A failed outcome with its reason and the C-STORE status a receiver answers with (PS3.4 B.2.3).
void fail(InstanceOutcome& out, std::string reason, Uint16 status = STATUS_STORE_Refused_OutOfResources) {
  out.status = InstanceStatus::Failed;
  out.reason = std::move(reason);
  out.dimseStatus = status;
}

// Fills the UIDs from `dataset`, checks them and makes the study folder. False (the outcome Failed
// or AlreadyPresent, with the reason) when the instance goes no further.
bool prepareTarget(const std::string& root, DcmItem& dataset, InstanceOutcome& out, std::string& dir,
                   std::string& target) {
  out.sopInstanceUid = text(dataset, DCM_SOPInstanceUID);
  out.sopClassUid = text(dataset, DCM_SOPClassUID);
  out.studyInstanceUid = text(dataset, DCM_StudyInstanceUID);
  if (out.sopClassUid.empty() || out.sopInstanceUid.empty()) {
    fail(out, "the data set has no SOP Class or SOP Instance UID", STATUS_STORE_Error_DataSetDoesNotMatchSOPClass);
    return false;
  }
  if (!isUid(out.sopInstanceUid) || !isUid(out.studyInstanceUid)) {
    fail(out, out.studyInstanceUid.empty() ? "the data set has no Study Instance UID" : "Study or SOP Instance UID is not a valid UID",
         STATUS_STORE_Error_DataSetDoesNotMatchSOPClass);
    return false;
  }
  dir = root + "/" + out.studyInstanceUid;
  target = dir + "/" + out.sopInstanceUid + ".dcm";
  if (!makeDirs(dir)) {
    fail(out, "cannot create " + dir + ": " + errnoText());
    return false;
  }
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0) {  // cheap early answer; the rename in placeFile is the real guard
    out.status = InstanceStatus::AlreadyPresent;
    out.path = target;
    out.reason = kAlreadyStored;
    return false;
  }
  return true;
}

// Moves the complete temporary file `tmp` to `target` in `dir`: readable as the umask allows,
// flushed first, never replacing an instance already there. `tmp` is gone afterwards either way.
void placeFile(const std::string& tmp, const std::string& dir, const std::string& target, InstanceOutcome& out) {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(tmp.c_str(), 0666 & ~mask);
  if (!syncPath(tmp, O_RDONLY)) {
    fail(out, "cannot flush the file: " + errnoText());
    ::unlink(tmp.c_str());
    return;
  }
  const int moved = moveNoReplace(tmp, target);
  if (moved == EEXIST) {
    ::unlink(tmp.c_str());
    out.status = InstanceStatus::AlreadyPresent;
    out.path = target;
    out.reason = kAlreadyStored;
    return;
  }
  if (moved != 0) {
    ::unlink(tmp.c_str());
    fail(out, "cannot move the file into place: " + std::string(std::strerror(moved)));
    return;
  }
  syncPath(dir, O_RDONLY | O_DIRECTORY);  // the new name survives a power cut
  out.status = InstanceStatus::Stored;
  out.path = target;
}

}  // namespace

Result<std::string> incomingFile(const std::string& root) {
  std::string path = root + "/.incoming.dcm.part-XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0)
    return Error(Module::Pacs, ErrorCode::WriteFailed, "cannot create a temporary file for an arriving instance: " + errnoText(),
                 root);
  ::close(fd);
  return path;
}

InstanceOutcome storeReceivedFile(const std::string& root, const std::string& received) {
  InstanceOutcome out;
  // The guard first: DCMTK parses nested sequences by recursion, and the bytes came from the network.
  if (const auto deep = film::dicomStructureProblem(received)) {
    fail(out, "refused: " + *deep, STATUS_STORE_Error_CannotUnderstand);
    ::unlink(received.c_str());
    return out;
  }
  DcmFileFormat file;
  // The header is all the store needs; the pixel data stay on disk and move with the file.
  const OFCondition loaded = file.loadFileUntilTag(received.c_str(), EXS_Unknown, EGL_noChange, DCM_MaxReadLength,
                                                   ERM_fileOnly, DCM_PixelData);
  std::string dir, target;
  if (loaded.bad()) {
    fail(out, std::string("the data set cannot be read (") + loaded.text() + ")", STATUS_STORE_Error_CannotUnderstand);
  } else if (prepareTarget(root, *file.getDataset(), out, dir, target)) {
    placeFile(received, dir, target, out);
    return out;
  }
  ::unlink(received.c_str());
  return out;
}

}  // namespace hilum::pacs
