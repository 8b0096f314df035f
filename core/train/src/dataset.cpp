#include "hilum/train/dataset.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace hilum::train {
namespace fs = std::filesystem;
namespace {

Error bad(const std::string& path, const std::string& reason) { return Error(Module::Train, ErrorCode::Malformed, reason, path); }

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

}  // namespace

int findColumn(const std::vector<std::string>& header, const std::string& wanted, const std::vector<std::string>& usual) {
  auto find = [&](const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
  };
  if (!wanted.empty()) return find(wanted);
  for (const auto& name : usual)
    if (const int i = find(name); i >= 0) return i;
  return -1;
}

ai::PatientCovariates covariatesOf(const Sample& sample) { return {sample.age, sample.sex, sample.view}; }

int Dataset::filmsKnowing(const std::string& covariate) const {
  return static_cast<int>(std::count_if(samples.begin(), samples.end(), [&](const Sample& s) {
    return ai::unknownCovariates({covariate}, covariatesOf(s)).empty();
  }));
}

std::vector<int> Dataset::positives() const {
  std::vector<int> counts(labels.size(), 0);
  for (const auto& s : samples)
    for (std::size_t i = 0; i < labels.size(); ++i) counts[i] += s.targets[i] > 0.5f ? 1 : 0;
  return counts;
}

std::vector<std::string> Dataset::labelsOf(const Sample& sample) const {
  std::vector<std::string> names;
  for (std::size_t l = 0; l < labels.size(); ++l)
    if (sample.targets[l] > 0.5f) names.push_back(labels[l]);
  return names;
}

Result<std::vector<std::vector<std::string>>> readCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(Module::Train, ErrorCode::NotFound, "CSV file is missing or unreadable", path);
  std::ostringstream all;
  all << in.rdbuf();
  const std::string text = all.str();
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, fieldStarted = false;
  int line = 1, rowLine = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
    } else if (c == '"') {
      if (fieldStarted && !field.empty()) return bad(path, "line " + std::to_string(line) + ": quote inside an unquoted field");
      quoted = true;
      fieldStarted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
      fieldStarted = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(field);
      field.clear();
      fieldStarted = false;
      if (!(row.size() == 1 && row[0].empty())) rows.push_back(std::move(row));
      row.clear();
      rowLine = ++line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) return bad(path, "line " + std::to_string(rowLine) + ": quoted field never closed");
  if (fieldStarted || !row.empty()) {
    row.push_back(field);
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<Dataset> readCsvDataset(const CsvSpec& spec) {
  auto table = readCsv(spec.csv);
  if (!table.ok()) return table.error();
  const auto& rows = table.value();
  if (rows.size() < 2) return bad(spec.csv, "CSV has no data rows");
  const auto& header = rows[0];
  const int image = findColumn(header, spec.imageColumn, {"Image Index", "image", "path", "file"});
  const int labels = findColumn(header, spec.labelsColumn, {"Finding Labels", "finding_labels", "labels", "label"});
  const int patient = findColumn(header, spec.patientColumn, {"Patient ID", "patient_id", "patient"});
  const int age = findColumn(header, spec.ageColumn, {"Patient Age", "age"});
  const int sex = findColumn(header, spec.sexColumn, {"Patient Gender", "sex"});
  const int view = findColumn(header, spec.viewColumn, {"View Position", "view"});
  if (image < 0) return bad(spec.csv, "no image column (named " + (spec.imageColumn.empty() ? std::string("Image Index or image") : spec.imageColumn) + ")");
  if (labels < 0) return bad(spec.csv, "no label column (named " + (spec.labelsColumn.empty() ? std::string("Finding Labels, finding_labels or label") : spec.labelsColumn) + ")");
  if (!spec.patientColumn.empty() && patient < 0) return bad(spec.csv, "no patient column named " + spec.patientColumn);
  std::vector<std::pair<std::size_t, std::set<std::string>>> filters;
  for (const auto& [column, values] : spec.where) {
    const int at = findColumn(header, column, {});
    if (at < 0) return bad(spec.csv, "no column named " + column + " to filter on");
    filters.emplace_back(static_cast<std::size_t>(at), std::set<std::string>(values.begin(), values.end()));
  }

  const std::string root = spec.imageRoot.empty() ? fs::path(spec.csv).parent_path().string() : spec.imageRoot;
  const std::set<std::string> excluded(spec.exclude.begin(), spec.exclude.end());
  const std::set<std::string> views(spec.views.begin(), spec.views.end());
  const std::set<std::string> chosen(spec.labels.begin(), spec.labels.end());

  struct Row { Sample sample; std::vector<std::string> names; };
  std::vector<Row> parsed;
  std::set<std::string> found;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const std::string where = "row " + std::to_string(r + 1);
    if (row.size() != header.size())
      return bad(spec.csv, where + ": " + std::to_string(row.size()) + " fields where the header has " + std::to_string(header.size()));
    Row out;
    const std::string file = trim(row[static_cast<std::size_t>(image)]);
    if (file.empty()) return bad(spec.csv, where + ": empty image name");
    out.sample.image = fs::path(file).is_absolute() ? file : (fs::path(root) / file).string();
    if (patient >= 0) out.sample.patientId = trim(row[static_cast<std::size_t>(patient)]);
    if (view >= 0) out.sample.view = trim(row[static_cast<std::size_t>(view)]);
    if (sex >= 0) out.sample.sex = trim(row[static_cast<std::size_t>(sex)]);
    if (age >= 0) {
      const std::string a = trim(row[static_cast<std::size_t>(age)]);
      try {
        if (!a.empty()) out.sample.age = std::stod(a);
      } catch (const std::exception&) {
        return bad(spec.csv, where + ": age '" + a + "' is not a number");
      }
    }
    if (!views.empty() && !views.count(out.sample.view)) continue;
    const bool kept = std::all_of(filters.begin(), filters.end(),
                                  [&row](const auto& f) { return f.second.count(trim(row[f.first])) > 0; });
    if (!kept) continue;
    std::stringstream field(row[static_cast<std::size_t>(labels)]);
    std::string name;
    while (std::getline(field, name, spec.separator.empty() ? '|' : spec.separator[0])) {
      name = trim(name);
      if (const auto mapped = spec.labelMap.find(name); mapped != spec.labelMap.end()) name = mapped->second;
      if (name.empty() || excluded.count(name)) continue;
      if (!chosen.empty() && !chosen.count(name)) continue;
      if (std::find(out.names.begin(), out.names.end(), name) != out.names.end()) continue;
      out.names.push_back(name);
      found.insert(name);
    }
    if (spec.task == ai::Task::SingleLabel && !chosen.empty() && out.names.empty()) continue;
    if (spec.task == ai::Task::SingleLabel && out.names.size() != 1)
      return bad(spec.csv, where + ": a single-label data set needs exactly one label per image, found " +
                               std::to_string(out.names.size()));
    parsed.push_back(std::move(out));
  }

  Dataset data;
  data.task = spec.task;
  data.labels = spec.labels.empty() ? std::vector<std::string>(found.begin(), found.end()) : spec.labels;
  if (data.labels.empty()) return bad(spec.csv, "no labels found");
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < data.labels.size(); ++i) index[data.labels[i]] = i;
  for (auto& row : parsed) {
    row.sample.targets.assign(data.labels.size(), 0.0f);
    bool known = spec.task == ai::Task::MultiLabel;  // multi-label rows with only other labels are negatives
    for (const auto& name : row.names) {
      const auto it = index.find(name);
      if (it == index.end()) continue;
      row.sample.targets[it->second] = 1.0f;
      known = true;
    }
    if (!known) continue;  // single-label rows of a class outside the chosen set
    data.samples.push_back(std::move(row.sample));
  }
  if (data.samples.empty()) return bad(spec.csv, "no rows left after filtering");
  return data;
}

Result<Dataset> readCsvDatasets(const std::vector<CsvSpec>& sources) {
  if (sources.empty()) return Error(Module::Train, ErrorCode::InvalidArgument, "no data sources");
  std::vector<Dataset> parts;
  std::set<std::string> union_;
  for (const auto& spec : sources) {
    if (spec.task != sources.front().task) return bad(spec.csv, "all data sources need the same task");
    auto part = readCsvDataset(spec);
    if (!part.ok()) return part.error();
    union_.insert(part.value().labels.begin(), part.value().labels.end());
    parts.push_back(std::move(part).value());
  }
  if (parts.size() == 1) return parts.front();
  Dataset merged;
  merged.task = sources.front().task;
  merged.labels = sources.front().labels.empty() ? std::vector<std::string>(union_.begin(), union_.end()) : sources.front().labels;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < merged.labels.size(); ++i) index[merged.labels[i]] = i;
  for (const auto& part : parts)
    for (const auto& sample : part.samples) {
      Sample s = sample;
      s.targets.assign(merged.labels.size(), 0.0f);
      bool any = false;
      for (std::size_t l = 0; l < part.labels.size(); ++l) {
        const auto it = index.find(part.labels[l]);
        if (it == index.end() || sample.targets[l] < 0.5f) continue;
        s.targets[it->second] = 1.0f;
        any = true;
      }
      if (merged.task == ai::Task::SingleLabel && !any) continue;  // a class the first source did not choose
      merged.samples.push_back(std::move(s));
    }
  return merged;
}

Result<Dataset> readFolderDataset(const std::string& root) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return Error(Module::Train, ErrorCode::NotFound, "not a folder", root);
  Dataset data;
  data.task = ai::Task::SingleLabel;
  for (const auto& entry : fs::directory_iterator(root, ec))
    if (entry.is_directory()) data.labels.push_back(entry.path().filename().string());
  std::sort(data.labels.begin(), data.labels.end());
  if (data.labels.size() < 2) return bad(root, "a folder data set needs two class sub-folders or more");
  for (std::size_t c = 0; c < data.labels.size(); ++c) {
    std::vector<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(root) / data.labels[c], ec))
      if (entry.is_regular_file()) files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    for (auto& file : files) {
      Sample s;
      s.image = file;
      s.targets.assign(data.labels.size(), 0.0f);
      s.targets[c] = 1.0f;
      data.samples.push_back(std::move(s));
    }
  }
  if (data.samples.empty()) return bad(root, "class folders hold no files");
  return data;
}

}  // namespace hilum::train
