#pragma once
// A third-party library Hilum runs on, as the About dialog and `hilum-cli version --json` list it:
// the version found at build or run time and the licence it is used under.
#include <string>

namespace hilum {

struct Component {
  std::string name;
  std::string version;
  std::string licence;
};

}  // namespace hilum
