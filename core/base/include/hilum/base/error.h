#pragma once
// The error value every core module returns across its border (DCMTK's OFCondition is the model):
// which module, a module-specific code, the file concerned and a human reason. Cheap to copy.
#include <string>

namespace hilum {

enum class Module { Base, Film, Display, Measure, Ai, Train, Report, Pacs, Cli };

// Codes shared by all modules; a module adds detail in the reason text, not in new codes,
// so callers can branch on a small, stable set.
enum class ErrorCode {
  NotFound,            // the file or resource does not exist
  Unreadable,          // exists but cannot be opened or read (permissions, I/O)
  Truncated,           // ends before the data it declares
  Malformed,           // structure violates its format (bad length, bad JSON, bad tag)
  NotAnImage,          // a valid file of a kind that holds no image (DICOM SR, encapsulated PDF)
  Unsupported,         // valid, but a variant Hilum does not handle (transfer syntax, bit depth)
  TooLarge,            // declared size beyond the configured limits; refused before allocating
  InvalidArgument,     // the caller asked for something impossible (preset index out of range)
  WriteFailed,         // an output could not be written
  Cancelled,           // the caller's cancel flag was set
  Internal,            // a third-party library failed in a way we did not foresee
};

const char* toString(Module module);
const char* toString(ErrorCode code);

class Error {
public:
  Error(Module module, ErrorCode code, std::string reason, std::string path = {})
      : m_module(module), m_code(code), m_reason(std::move(reason)), m_path(std::move(path)) {}

  Module module() const { return m_module; }
  ErrorCode code() const { return m_code; }
  const std::string& reason() const { return m_reason; }
  const std::string& path() const { return m_path; }

  // "chest.dcm: JPEG 2000 frame 1 could not be decoded" (the file name, not the whole path, leads
  // so that messages stay readable in dialogs; path() keeps the full one).
  std::string message() const;

  // The same error attached to a file, when a lower layer did not know which file it was reading.
  Error withPath(std::string path) const;

private:
  Module m_module;
  ErrorCode m_code;
  std::string m_reason;
  std::string m_path;
};

}  // namespace hilum
