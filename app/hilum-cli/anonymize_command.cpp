// hilum-cli anonymize: the teaching export. Films of folders, DICOMDIRs or single files are copied
// de-identified (PS3.15 Basic Profile, UIDs mapped consistently across the whole export) under
// neutral names, because file and folder names carry identity as often as headers do.
#include "arguments.h"
#include "cli.h"
#include "commands_p.h"

#include "hilum/derived/derived_objects.h"
#include "hilum/film/study_index.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <ostream>

namespace hilum::cli {
namespace {

const char* const kSynopsis = "anonymize PATH... -o OUTDIR [--salt TEXT] [--json]";

std::string numbered(const std::filesystem::path& folder, std::size_t n, const char* extension) {
  char name[32];
  std::snprintf(name, sizeof name, "IMG%04zu%s", n, extension);
  return (folder / name).string();
}

}  // namespace

int anonymizeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  const auto parsed = Arguments::parse(args, {"-o", "--output", "--salt"}, {"--json"}, problem);
  if (!parsed) return usageError(err, problem, kSynopsis);
  const auto output = parsed->value("-o") ? parsed->value("-o") : parsed->value("--output");
  if (!output) return usageError(err, "anonymize needs -o OUTDIR", kSynopsis);
  if (parsed->positional().empty()) return usageError(err, "anonymize needs at least one PATH", kSynopsis);
  std::error_code ec;
  std::filesystem::create_directories(*output, ec);
  if (ec) return reportError(err, Error(Module::Cli, ErrorCode::WriteFailed, "cannot create the folder: " + ec.message(), *output));

  derived::Deidentify deid;
  deid.enabled = true;
  // Secret unless given: one random salt keeps the export's UIDs consistent and unguessable.
  deid.uidSalt = parsed->value("--salt").value_or(derived::newUid());
  nlohmann::json written = nlohmann::json::array(), skipped = nlohmann::json::array(), warnings = nlohmann::json::array();
  std::size_t n = 0;
  for (const auto& path : parsed->positional()) {
    const auto index = film::indexPath(path);
    if (!index.ok()) return reportError(err, index.error());
    for (const auto& s : index.value().skipped) skipped.push_back({{"path", s.path}, {"reason", s.reason}});
    for (const auto& patient : index.value().patients)
      for (const auto& study : patient.studies)
        for (const auto& series : study.series)
          for (const auto& f : series.films) {
            ++n;
            if (f.format != film::SourceFormat::Dicom) {
              // A PNG or JPEG has no header to clean; its pixels may still show a name.
              const std::string target = numbered(*output, n, std::filesystem::path(f.path).extension().string().c_str());
              std::filesystem::copy_file(f.path, target, std::filesystem::copy_options::overwrite_existing, ec);
              if (ec) return reportError(err, Error(Module::Cli, ErrorCode::WriteFailed, ec.message(), target));
              warnings.push_back(target + ": copied as is; check the picture for printed identity");
              written.push_back({{"file", target}, {"source_format", "raster"}});
              continue;
            }
            const std::string target = numbered(*output, n, ".dcm");
            std::vector<std::string> notes;
            const auto result = derived::deidentifyFile(f.path, deid, target, &notes);
            if (!result.ok()) {
              skipped.push_back({{"path", f.path}, {"reason", result.error().reason()}});
              --n;
              continue;
            }
            for (const auto& note : notes) warnings.push_back(target + ": " + note);
            written.push_back({{"file", target}, {"sop_instance_uid", result.value().sopInstanceUid}});
          }
  }
  if (parsed->has("--json")) {
    out << nlohmann::json{{"output", *output}, {"written", written}, {"skipped", skipped}, {"warnings", warnings}}.dump(2) << "\n";
  } else {
    out << written.size() << (written.size() == 1 ? " film" : " films") << " de-identified into " << *output << "\n";
    for (const auto& s : skipped) err << "hilum-cli: " << s["path"].get<std::string>() << ": skipped: " << s["reason"].get<std::string>() << "\n";
    for (const auto& w : warnings) err << "hilum-cli: warning: " << w.get<std::string>() << "\n";
  }
  return kExitOk;
}

}  // namespace hilum::cli
