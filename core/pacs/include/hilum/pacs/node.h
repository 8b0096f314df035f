#pragma once
// A DICOM application entity Hilum talks to (a PACS, a modality, Hilum itself): AE title, host and
// port, plus an optional DICOMweb base URL for a later QIDO/WADO/STOW path. Plain value; safe to
// use from any thread.
#include "hilum/base/result.h"

#include <string>

namespace hilum::pacs {

// Hilum's own AE title unless the user configures another: the calling AE of every association
// and the C-MOVE destination the PACS must know.
inline constexpr const char* kDefaultAeTitle = "HILUM";
// PS3.8 9.3.2: an AE title is at most 16 characters.
inline constexpr std::size_t kMaxAeTitleLength = 16;

struct Node {
  std::string aeTitle;
  std::string host;
  int port = 104;
  std::string dicomWebUrl;  // empty: none configured

  // "ORTHANC@127.0.0.1:4242": how every message names the node.
  std::string toString() const;
};

// PS3.5 AE title rules: 1-16 characters of the default repertoire without backslash or control
// characters, not only spaces. The error says which rule failed.
Status validateAeTitle(const std::string& aeTitle);

// "AET@host:port" (IPv6 hosts in brackets: "AET@[::1]:104"). Errors name the text and the problem
// (missing '@', AE title too long, port outside 1-65535, ...).
[[nodiscard]] Result<Node> parseNode(const std::string& text);

}  // namespace hilum::pacs
