#include "hilum/ai/covariates.h"

#include "hilum/ai/film_gate.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <stdexcept>

namespace hilum::ai {
namespace {

constexpr double kAgeCentre = 50.0, kAgeScale = 20.0, kAgeClamp = 3.0;

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  text.erase(0, text.find_first_not_of(' '));
  text.erase(text.find_last_not_of(' ') + 1);
  return text;
}

// "M"/"F" or empty for anything else (DICOM's "O", NIH's "M"/"F", free text "male"/"female").
std::string sexCode(const std::string& sex) {
  const std::string s = upper(sex);
  if (s == "M" || s == "MALE") return "M";
  if (s == "F" || s == "FEMALE") return "F";
  return {};
}

std::string viewCode(const std::string& view) {
  const std::string v = upper(view);
  return v == "PA" || v == "AP" ? v : std::string();
}

// Whole years between two DICOM dates (YYYYMMDD), or nothing when either is not a date.
std::optional<double> yearsBetween(const std::string& from, const std::string& to) {
  int y1 = 0, m1 = 0, d1 = 0, y2 = 0, m2 = 0, d2 = 0;
  if (from.size() != 8 || to.size() != 8 || std::sscanf(from.c_str(), "%4d%2d%2d", &y1, &m1, &d1) != 3 ||
      std::sscanf(to.c_str(), "%4d%2d%2d", &y2, &m2, &d2) != 3)
    return std::nullopt;
  int years = y2 - y1 - ((m2 < m1 || (m2 == m1 && d2 < d1)) ? 1 : 0);
  if (years < 0 || years > 150) return std::nullopt;
  return years;
}

bool known(const std::string& name, const PatientCovariates& c) {
  if (name == "age") return c.ageYears.has_value();
  if (name == "sex") return !sexCode(c.sex).empty();
  return !viewCode(c.view).empty();
}

}  // namespace

const std::vector<std::string>& knownCovariates() {
  static const std::vector<std::string> names = {"age", "sex", "view"};
  return names;
}

int covariateWidth(const std::vector<std::string>& names) { return kValuesPerCovariate * static_cast<int>(names.size()); }

std::vector<float> encodeCovariates(const std::vector<std::string>& names, const PatientCovariates& c) {
  std::vector<float> out;
  out.reserve(static_cast<std::size_t>(covariateWidth(names)));
  for (const auto& name : names) {
    if (name == "age") {
      out.push_back(c.ageYears ? static_cast<float>(std::clamp((*c.ageYears - kAgeCentre) / kAgeScale, -kAgeClamp, kAgeClamp)) : 0.0f);
      out.push_back(c.ageYears ? 0.0f : 1.0f);
    } else if (name == "sex") {
      const std::string s = sexCode(c.sex);
      out.push_back(s == "M" ? 1.0f : 0.0f);
      out.push_back(s == "F" ? 1.0f : 0.0f);
    } else if (name == "view") {
      const std::string v = viewCode(c.view);
      out.push_back(v == "PA" ? 1.0f : 0.0f);
      out.push_back(v == "AP" ? 1.0f : 0.0f);
    } else {
      throw std::invalid_argument("unknown covariate \"" + name + "\"");
    }
  }
  return out;
}

std::vector<std::string> unknownCovariates(const std::vector<std::string>& names, const PatientCovariates& c) {
  std::vector<std::string> out;
  for (const auto& name : names)
    if (!known(name, c)) out.push_back(name);
  return out;
}

std::string describeCovariates(const std::vector<std::string>& names, const PatientCovariates& c) {
  std::string out;
  for (const auto& name : names) {
    out += out.empty() ? "" : ", ";
    if (!known(name, c)) {
      out += name + " unknown";
    } else if (name == "age") {
      char text[32];
      std::snprintf(text, sizeof text, *c.ageYears < 2 ? "age %.1f y" : "age %.0f y", *c.ageYears);
      out += text;
    } else {
      out += name + " " + (name == "sex" ? sexCode(c.sex) : viewCode(c.view));
    }
  }
  return out;
}

PatientCovariates covariatesOf(const film::FilmMetadata& m) {
  PatientCovariates c;
  c.ageYears = ageInYears(m.patientAge);
  if (!c.ageYears) c.ageYears = yearsBetween(m.patientBirthDate, m.studyDate.empty() ? m.acquisitionDate : m.studyDate);
  c.sex = sexCode(m.patientSex);
  c.view = viewCode(m.viewPosition);
  return c;
}

}  // namespace hilum::ai
