#pragma once
// Generated chest-like films with their lung masks, for the segmentation tests: a bright body with
// two darker, tilted ellipses as lungs, placed and sized with some jitter, light noise. Films are
// 96 x 80 px (not square: the squash resize and its way back are part of what is tested).
#include "temp_dir.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>

namespace hilum::test {

struct LungFilmsOptions {
  unsigned seed = 7;
  bool grain = false;  // a second noise layer over the drawn shapes
  std::function<std::string(int patient)> licence = [](int) { return std::string("CC BY 4.0"); };
  // Drawn on a patient's films after the lungs, never on the masks (markers, labels).
  std::function<void(cv::Mat& film, int patient)> mark;
};

// `patients` x 2 films into images/, their masks into masks/, and labels.csv
// (image, patient_id, license, has_mask).
inline void writeGeneratedLungs(const TempDir& dir, int patients, const LungFilmsOptions& options = {}) {
  std::filesystem::create_directories(dir.file("images"));
  std::filesystem::create_directories(dir.file("masks"));
  std::mt19937 random(options.seed);
  std::uniform_int_distribution<int> jitter(-4, 4);
  cv::RNG noise(options.seed);
  std::ofstream csv(dir.file("labels.csv"));
  csv << "image,patient_id,license,has_mask\n";
  for (int p = 0; p < patients; ++p)
    for (int f = 0; f < 2; ++f) {
      cv::Mat film(80, 96, CV_8U), mask = cv::Mat::zeros(80, 96, CV_8U);
      noise.fill(film, cv::RNG::NORMAL, 40, 6);
      cv::ellipse(film, {48 + jitter(random), 42}, {40, 36}, 0, 0, 360, cv::Scalar(170), cv::FILLED);  // the body
      for (int side : {-1, 1}) {
        const cv::Point centre(48 + side * (19 + jitter(random) / 2), 38 + jitter(random));
        const cv::Size axes(11 + jitter(random) / 2, 24 + jitter(random));
        cv::ellipse(film, centre, axes, side * 8.0, 0, 360, cv::Scalar(70), cv::FILLED);
        cv::ellipse(mask, centre, axes, side * 8.0, 0, 360, cv::Scalar(255), cv::FILLED);
      }
      if (options.grain) {
        cv::Mat grain(film.size(), CV_8U);
        noise.fill(grain, cv::RNG::NORMAL, 0, 5);
        film += grain;
      }
      if (options.mark) options.mark(film, p);
      const std::string name = "p" + std::to_string(p) + "_" + std::to_string(f) + ".png";
      cv::imwrite(dir.file("images/" + name), film);
      cv::imwrite(dir.file("masks/" + name), mask);
      csv << name << ",P" << p << "," << options.licence(p) << ",yes\n";
    }
}

}  // namespace hilum::test
