#include "hilum/base/error.h"

namespace hilum {

const char* toString(Module module) {
  switch (module) {
    case Module::Base: return "base";
    case Module::Film: return "film";
    case Module::Display: return "display";
    case Module::Ai: return "ai";
    case Module::Train: return "train";
    case Module::Report: return "report";
    case Module::Pacs: return "pacs";
    case Module::Measure: return "measure";
    case Module::Cli: return "cli";
  }
  return "?";
}

const char* toString(ErrorCode code) {
  switch (code) {
    case ErrorCode::NotFound: return "not found";
    case ErrorCode::Unreadable: return "unreadable";
    case ErrorCode::Truncated: return "truncated";
    case ErrorCode::Malformed: return "malformed";
    case ErrorCode::NotAnImage: return "not an image";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::TooLarge: return "too large";
    case ErrorCode::InvalidArgument: return "invalid argument";
    case ErrorCode::WriteFailed: return "write failed";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::Internal: return "internal error";
  }
  return "?";
}

std::string Error::message() const {
  if (m_path.empty()) return m_reason;
  const auto slash = m_path.find_last_of('/');
  const std::string name = slash == std::string::npos ? m_path : m_path.substr(slash + 1);
  return name + ": " + m_reason;
}

Error Error::withPath(std::string path) const {
  Error copy = *this;
  copy.m_path = std::move(path);
  return copy;
}

}  // namespace hilum
