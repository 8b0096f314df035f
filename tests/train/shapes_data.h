#pragma once
// Generated training data with a learnable signal, for the trainer tests: a bright disc means
// "Disc", a bar "Bar".
#include "temp_dir.h"

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>
#include <random>
#include <string>

namespace hilum::test {

// 80 patients x 2 films of 64 px PNGs, a CSV beside them, and a config for a 32 px smallcnn run.
inline std::string writeShapesData(const TempDir& dir, int epochs) {
  std::mt19937 random(5);
  std::uniform_int_distribution<int> where(14, 50);
  std::bernoulli_distribution coin(0.5);
  cv::RNG noise(5);  // not cv::randn: OpenCV's global generator would differ between calls
  std::ofstream csv(dir.file("labels.csv"));
  csv << "image,patient_id,finding_labels\n";
  for (int p = 0; p < 80; ++p)
    for (int f = 0; f < 2; ++f) {
      cv::Mat film(64, 64, CV_8U, cv::Scalar(40));
      noise.fill(film, cv::RNG::NORMAL, 50, 8);
      const bool disc = coin(random), bar = coin(random);
      if (disc) cv::circle(film, {where(random), where(random)}, 7, cv::Scalar(230), cv::FILLED);
      if (bar) cv::rectangle(film, cv::Rect(6, where(random), 52, 5), cv::Scalar(200), cv::FILLED);
      const std::string name = "p" + std::to_string(p) + "_" + std::to_string(f) + ".png";
      cv::imwrite(dir.file(name), film);
      std::string labels = disc && bar ? "Disc|Bar" : disc ? "Disc" : bar ? "Bar" : "No Finding";
      csv << name << ",P" << p << "," << labels << "\n";
    }
  csv.close();
  const nlohmann::json config = {
      {"data", {{"csv", "labels.csv"}, {"patient_column", "patient_id"}}},
      {"split", {{"validation", 0.2}, {"test", 0.2}, {"seed", 3}}},
      {"model", {{"name", "shapes"}, {"architecture", "smallcnn"}, {"input_size", 32}, {"channels", 1}, {"normalization", "unit"}}},
      {"train", {{"epochs", epochs}, {"batch_size", 16}, {"lr", 0.01}, {"optimizer", "adam"}, {"scheduler", "none"},
                 {"early_stopping", 0}, {"seed", 9}, {"threads", 1}}},
      {"augment", {{"rotation_deg", 5}, {"noise", 0.0}}},
      {"output", "run"},
  };
  std::ofstream(dir.file("config.json")) << config.dump(2);
  return dir.file("config.json");
}


}  // namespace hilum::test
