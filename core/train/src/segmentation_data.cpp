// Films with masks for segmentation training, and scoring a segmentation pack on them. Plain C++
// and OpenCV: the network runs inside ai::LungSegmenter.
#include "hilum/train/segmentation_trainer.h"

#include "hilum/ai/lung_segmenter.h"
#include "hilum/ai/segmentation.h"
#include "hilum/film/loader.h"
#include "hilum/train/dataset.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

namespace hilum::train {
namespace {

namespace fs = std::filesystem;

Error dataError(ErrorCode code, const std::string& reason, const std::string& path) { return Error(Module::Train, code, reason, path); }

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  const std::size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
  const double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  return (upper + *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid))) / 2.0;
}

bool saysYes(std::string value) {
  std::transform(value.begin(), value.end(), value.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return value == "yes" || value == "true" || value == "1" || value == "y";
}

}  // namespace

Result<std::vector<MaskedFilm>> readMaskedFilms(const std::string& labelsCsv, const std::string& imagesDir, const std::string& masksDir,
                                                const std::vector<std::string>& licences) {
  auto table = readCsv(labelsCsv);
  if (!table.ok()) return table.error();
  const auto& rows = table.value();
  if (rows.empty()) return dataError(ErrorCode::Malformed, "CSV has no header", labelsCsv);
  const auto& header = rows.front();
  const int image = findColumn(header, "", {"image", "Image Index", "filename"});
  const int patient = findColumn(header, "", {"patient_id", "Patient ID", "patient"});
  const int license = findColumn(header, "", {"license", "licence"});
  const int hasMask = findColumn(header, "", {"has_mask"});
  if (image < 0) return dataError(ErrorCode::Malformed, "CSV has no image column (image, Image Index or filename)", labelsCsv);
  if (!licences.empty() && license < 0)
    return dataError(ErrorCode::Malformed, "CSV has no license column to choose rows by licence", labelsCsv);
  const std::set<std::string> allowed(licences.begin(), licences.end());
  std::error_code ec;
  if (!fs::is_directory(imagesDir, ec)) return dataError(ErrorCode::NotFound, "image folder does not exist", imagesDir);
  if (!fs::is_directory(masksDir, ec)) return dataError(ErrorCode::NotFound, "mask folder does not exist", masksDir);

  std::vector<MaskedFilm> films;
  std::set<std::string> seen;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    auto cell = [&](int column) { return column >= 0 && static_cast<std::size_t>(column) < row.size() ? row[static_cast<std::size_t>(column)] : std::string(); };
    const std::string name = cell(image);
    if (name.empty()) continue;
    MaskedFilm film;
    film.image = (fs::path(imagesDir) / name).string();
    film.mask = (fs::path(masksDir) / name).string();
    film.patientId = cell(patient);
    film.license = cell(license);
    if (!allowed.empty() && !allowed.count(film.license)) continue;
    const bool exists = fs::exists(film.mask, ec);
    if (hasMask >= 0) {
      if (!saysYes(cell(hasMask))) continue;
      if (!exists)
        return dataError(ErrorCode::NotFound, "mask is missing (line " + std::to_string(r + 1) + " of " + labelsCsv + " says has_mask)",
                         film.mask);
    } else if (!exists) {
      continue;
    }
    if (!fs::exists(film.image, ec))
      return dataError(ErrorCode::NotFound, "film is missing (line " + std::to_string(r + 1) + " of " + labelsCsv + ")", film.image);
    if (!seen.insert(name).second)
      return dataError(ErrorCode::Malformed, "image \"" + name + "\" is listed twice (line " + std::to_string(r + 1) + ")", labelsCsv);
    films.push_back(std::move(film));
  }
  if (films.empty())
    return dataError(ErrorCode::NotFound, "no film of the CSV has a mask in " + masksDir + (allowed.empty() ? "" : " under the licences asked for"),
                     labelsCsv);
  return films;
}

Result<std::vector<std::uint8_t>> readMask(const std::string& path, int columns, int rows) {
  cv::Mat mask;
  try {
    mask = cv::imread(path, cv::IMREAD_GRAYSCALE);
  } catch (const cv::Exception& e) {
    return dataError(ErrorCode::Unreadable, std::string("mask cannot be read: ") + e.what(), path);
  }
  if (mask.empty()) return dataError(ErrorCode::Unreadable, "mask is missing or not a readable image", path);
  if (mask.cols != columns || mask.rows != rows)
    return dataError(ErrorCode::Malformed, "mask is " + std::to_string(mask.cols) + " x " + std::to_string(mask.rows) + " but its film is " +
                                               std::to_string(columns) + " x " + std::to_string(rows),
                     path);
  // 0/255 masks and 0/1 masks alike: above half the brightest value is inside.
  double brightest = 0;
  cv::minMaxLoc(mask, nullptr, &brightest);
  cv::threshold(mask, mask, std::floor(brightest / 2.0), 255, cv::THRESH_BINARY);
  if (!mask.isContinuous()) mask = mask.clone();
  return std::vector<std::uint8_t>(mask.datastart, mask.dataend);
}

Result<SegmentationScores> scoreSegmentationPack(const std::string& packDirectory, const std::vector<MaskedFilm>& films) {
  auto segmenter = ai::LungSegmenter::open(packDirectory);
  if (!segmenter.ok()) return segmenter.error();
  SegmentationScores scores;
  std::set<std::string> patients;
  for (std::size_t i = 0; i < films.size(); ++i) {
    const MaskedFilm& f = films[i];
    auto film = film::loadFilm(f.image);
    if (!film.ok()) return film.error();
    auto truth = readMask(f.mask, film.value().columns(), film.value().rows());
    if (!truth.ok()) return truth.error();
    auto segmentation = segmenter.value()->segment(film.value());
    if (!segmentation.ok()) return segmentation.error();
    scores.dice.push_back(ai::diceCoefficient(segmentation.value().mask, truth.value()));
    scores.iou.push_back(ai::intersectionOverUnion(segmentation.value().mask, truth.value()));
    patients.insert(f.patientId.empty() ? "#film" + std::to_string(i) : f.patientId);
  }
  scores.films = static_cast<int>(films.size());
  scores.patients = static_cast<int>(patients.size());
  if (!films.empty()) {
    for (double d : scores.dice) scores.meanDice += d / static_cast<double>(films.size());
    for (double v : scores.iou) scores.meanIou += v / static_cast<double>(films.size());
    scores.medianDice = median(scores.dice);
    scores.medianIou = median(scores.iou);
  }
  return scores;
}

}  // namespace hilum::train
