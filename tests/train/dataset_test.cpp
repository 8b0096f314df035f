// CSV and folder data sets, and the patient-wise split.
#include "temp_dir.h"

#include "hilum/train/dataset.h"
#include "hilum/train/split.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

using namespace hilum::train;
using hilum::test::TempDir;
using hilum::test::writeBytes;
using Catch::Matchers::Contains;

TEST_CASE("the CSV reader handles quotes, commas in quotes and CRLF", "[train][csv]") {
  TempDir dir;
  writeBytes(dir.file("a.csv"), "image,label\r\n\"x,1.png\",\"He said \"\"Mass\"\"\"\r\ny.png,Nodule\r\n");
  const auto rows = readCsv(dir.file("a.csv"));
  REQUIRE(rows.ok());
  REQUIRE(rows.value().size() == 3);
  CHECK(rows.value()[1][0] == "x,1.png");
  CHECK(rows.value()[1][1] == "He said \"Mass\"");
  CHECK(rows.value()[2][1] == "Nodule");
}

TEST_CASE("malformed CSV rows are refused with their line number", "[train][csv]") {
  TempDir dir;
  SECTION("unclosed quote") {
    writeBytes(dir.file("b.csv"), "image,label\na.png,Mass\n\"b.png,Nodule\n");
    const auto rows = readCsv(dir.file("b.csv"));
    REQUIRE_FALSE(rows.ok());
    CHECK_THAT(rows.error().message(), Contains("b.csv") && Contains("line 3"));
  }
  SECTION("a row with too few fields") {
    writeBytes(dir.file("c.csv"), "image,finding_labels,patient_id\na.png,Mass,1\nb.png,Nodule\n");
    CsvSpec spec;
    spec.csv = dir.file("c.csv");
    const auto data = readCsvDataset(spec);
    REQUIRE_FALSE(data.ok());
    CHECK_THAT(data.error().message(), Contains("c.csv") && Contains("row 3") && Contains("2 fields"));
  }
  SECTION("a missing label column") {
    writeBytes(dir.file("d.csv"), "image,patient_id\na.png,1\n");
    CsvSpec spec;
    spec.csv = dir.file("d.csv");
    const auto data = readCsvDataset(spec);
    REQUIRE_FALSE(data.ok());
    CHECK_THAT(data.error().reason(), Contains("label column"));
  }
  SECTION("an age that is not a number") {
    writeBytes(dir.file("e.csv"), "image,finding_labels,age\na.png,Mass,sixty\n");
    CsvSpec spec;
    spec.csv = dir.file("e.csv");
    const auto data = readCsvDataset(spec);
    REQUIRE_FALSE(data.ok());
    CHECK_THAT(data.error().reason(), Contains("row 2") && Contains("sixty"));
  }
}

TEST_CASE("NIH-style CSVs give multi-label targets; No Finding is all zeros", "[train][csv]") {
  TempDir dir;
  writeBytes(dir.file("nih.csv"),
             "Image Index,Finding Labels,Patient ID,View Position\n"
             "1.png,Effusion|Mass,7,PA\n2.png,No Finding,7,PA\n3.png,Mass,8,AP\n");
  CsvSpec spec;
  spec.csv = dir.file("nih.csv");
  auto data = readCsvDataset(spec);
  REQUIRE(data.ok());
  CHECK(data.value().labels == std::vector<std::string>{"Effusion", "Mass"});
  REQUIRE(data.value().samples.size() == 3);
  CHECK(data.value().samples[0].targets == std::vector<float>{1, 1});
  CHECK(data.value().samples[1].targets == std::vector<float>{0, 0});
  CHECK(data.value().samples[0].patientId == "7");
  CHECK(data.value().samples[0].image == (std::filesystem::path(dir.path()) / "1.png").string());
  spec.views = {"PA"};
  data = readCsvDataset(spec);
  REQUIRE(data.ok());
  CHECK(data.value().samples.size() == 2);
}

TEST_CASE("sources with different vocabularies merge through label maps and row filters", "[train][csv]") {
  TempDir dir;
  writeBytes(dir.file("covid.csv"),
             "image,label,patient_id,license\n"
             "c1.png,COVID-19,cov-1,CC BY 3.0\nc2.png,Bacterial Pneumonia,cov-2,CC BY 3.0\n"
             "c3.png,COVID-19,cov-3,research use only\nc4.png,ARDS,cov-4,CC BY 3.0\n");
  writeBytes(dir.file("nih.csv"),
             "image,finding_labels,patient_id\n"
             "n1.png,No Finding,1\nn2.png,Pneumonia|Infiltration,2\nn3.png,Effusion,3\n");
  CsvSpec covid;
  covid.csv = dir.file("covid.csv");
  covid.task = hilum::ai::Task::SingleLabel;
  covid.labels = {"COVID-19", "Pneumonia", "Normal"};
  covid.labelMap = {{"Bacterial Pneumonia", "Pneumonia"}};
  covid.where = {{"license", {"CC BY 3.0"}}};
  CsvSpec nih;
  nih.csv = dir.file("nih.csv");
  nih.task = hilum::ai::Task::SingleLabel;
  nih.labels = covid.labels;
  nih.exclude = {};
  nih.labelMap = {{"No Finding", "Normal"}};

  const auto data = readCsvDatasets({covid, nih});
  REQUIRE(data.ok());
  CHECK(data.value().labels == covid.labels);
  std::vector<std::string> images;
  for (const auto& s : data.value().samples) images.push_back(std::filesystem::path(s.image).filename().string());
  // c3 fails the licence filter, c4 (ARDS) and n3 (Effusion) are outside the label set, n2's
  // Infiltration is ignored beside its Pneumonia.
  CHECK(images == std::vector<std::string>{"c1.png", "c2.png", "n1.png", "n2.png"});
  CHECK(data.value().samples[1].targets == std::vector<float>{0, 1, 0});
  CHECK(data.value().samples[2].targets == std::vector<float>{0, 0, 1});
  CHECK(data.value().samples[3].targets == std::vector<float>{0, 1, 0});

  covid.where = {{"licence", {"CC BY 3.0"}}};
  const auto misspelt = readCsvDatasets({covid, nih});
  REQUIRE_FALSE(misspelt.ok());
  CHECK_THAT(misspelt.error().message(), Contains("covid.csv") && Contains("licence"));
}

TEST_CASE("a folder per class is a single-label data set", "[train][folder]") {
  TempDir dir;
  for (const char* c : {"Normal", "COVID-19"}) {
    std::filesystem::create_directories(dir.file(c));
    writeBytes(dir.file(std::string(c) + "/a.png"), "x");
    writeBytes(dir.file(std::string(c) + "/b.png"), "x");
  }
  const auto data = readFolderDataset(dir.path());
  REQUIRE(data.ok());
  CHECK(data.value().task == hilum::ai::Task::SingleLabel);
  CHECK(data.value().labels == std::vector<std::string>{"COVID-19", "Normal"});
  CHECK(data.value().samples.size() == 4);
  CHECK(data.value().samples[3].targets == std::vector<float>{0, 1});
}

TEST_CASE("the patient split never puts one patient on two sides", "[train][split]") {
  Dataset data;
  data.labels = {"A", "B"};
  for (int p = 0; p < 200; ++p)
    for (int f = 0; f < 1 + p % 4; ++f) {
      Sample s;
      s.image = std::to_string(p) + "_" + std::to_string(f) + ".png";
      s.patientId = "P" + std::to_string(p);
      s.targets = {p % 5 == 0 ? 1.0f : 0.0f, p % 17 == 0 ? 1.0f : 0.0f};
      data.samples.push_back(s);
    }
  const Split split = splitByPatient(data, 0.15, 0.15, 42);
  auto patients = [&](const std::vector<std::size_t>& side) {
    std::set<std::string> ids;
    for (std::size_t i : side) ids.insert(data.samples[i].patientId);
    return ids;
  };
  const auto train = patients(split.train), validation = patients(split.validation), test = patients(split.test);
  for (const auto& id : validation) CHECK(train.count(id) == 0);
  for (const auto& id : test) {
    CHECK(train.count(id) == 0);
    CHECK(validation.count(id) == 0);
  }
  CHECK(split.train.size() + split.validation.size() + split.test.size() == data.samples.size());
  const double n = static_cast<double>(data.samples.size());
  CHECK(split.validation.size() / n == Approx(0.15).margin(0.05));
  CHECK(split.test.size() / n == Approx(0.15).margin(0.05));
  // Stratified: the rare label B reaches every side.
  for (const auto* side : {&split.train, &split.validation, &split.test}) {
    int b = 0;
    for (std::size_t i : *side) b += data.samples[i].targets[1] > 0.5f;
    CHECK(b > 0);
  }
  const Split again = splitByPatient(data, 0.15, 0.15, 42);
  CHECK(again.test == split.test);
  const Split other = splitByPatient(data, 0.15, 0.15, 43);
  CHECK(other.test != split.test);
}
