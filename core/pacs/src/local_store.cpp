#include "local_store_p.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

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

InstanceOutcome storeInstance(const std::string& root, DcmDataset& dataset) {
  InstanceOutcome out;
  out.status = InstanceStatus::Failed;
  out.sopInstanceUid = text(dataset, DCM_SOPInstanceUID);
  out.sopClassUid = text(dataset, DCM_SOPClassUID);
  out.studyInstanceUid = text(dataset, DCM_StudyInstanceUID);
  if (out.sopClassUid.empty() || out.sopInstanceUid.empty()) {
    out.reason = "the data set has no SOP Class or SOP Instance UID";
    return out;
  }
  if (!isUid(out.sopInstanceUid) || !isUid(out.studyInstanceUid)) {
    out.reason = out.studyInstanceUid.empty() ? "the data set has no Study Instance UID"
                                              : "Study or SOP Instance UID is not a valid UID";
    return out;
  }
  const std::string dir = root + "/" + out.studyInstanceUid;
  const std::string target = dir + "/" + out.sopInstanceUid + ".dcm";
  if (!makeDirs(dir)) {
    out.reason = "cannot create " + dir + ": " + errnoText();
    return out;
  }
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0) {  // cheap early answer; the rename below is the real guard
    out.status = InstanceStatus::AlreadyPresent;
    out.path = target;
    out.reason = "an instance with this SOP Instance UID is already stored; the first copy is kept";
    return out;
  }

  std::string tmp = dir + "/." + out.sopInstanceUid + ".dcm.part-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    out.reason = "cannot create a temporary file in " + dir + ": " + errnoText();
    return out;
  }
  ::close(fd);
  // The data set stays the caller's: the file format borrows it and gives it back.
  DcmFileFormat file(&dataset, OFFalse);
  const OFCondition cond = file.saveFile(tmp.c_str(), EXS_Unknown /* as received */, EET_ExplicitLength,
                                         EGL_recalcGL, EPD_withoutPadding);
  file.getAndRemoveDataset();
  if (cond.bad()) {
    out.reason = std::string("cannot write the file: ") + cond.text();
    ::unlink(tmp.c_str());
    return out;
  }
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(tmp.c_str(), 0666 & ~mask);
  if (!syncPath(tmp, O_RDONLY)) {
    out.reason = "cannot flush the file: " + errnoText();
    ::unlink(tmp.c_str());
    return out;
  }
  const int moved = moveNoReplace(tmp, target);
  if (moved == EEXIST) {
    ::unlink(tmp.c_str());
    out.status = InstanceStatus::AlreadyPresent;
    out.path = target;
    out.reason = "an instance with this SOP Instance UID is already stored; the first copy is kept";
    return out;
  }
  if (moved != 0) {
    ::unlink(tmp.c_str());
    out.reason = "cannot move the file into place: " + std::string(std::strerror(moved));
    return out;
  }
  syncPath(dir, O_RDONLY | O_DIRECTORY);  // the new name survives a power cut
  out.status = InstanceStatus::Stored;
  out.path = target;
  return out;
}

}  // namespace hilum::pacs
