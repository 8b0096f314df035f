// Data-parallel training on loopback: hilum-cli ranks as separate processes, joined by c10d.
#include "child_process.h"
#include "shapes_data.h"
#include "temp_dir.h"

#include "hilum/ai/internal/state_dict.h"
#include "hilum/train/train_config.h"
#include "hilum/train/trainer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace hilum;
using hilum::test::ChildProcess;
using hilum::test::TempDir;

namespace {

// The shapes config with `changes` merged into its "train" block, written as `name`.
std::string configWith(const TempDir& dir, const std::string& name, const std::string& output, const nlohmann::json& changes) {
  std::ifstream in(test::writeShapesData(dir, 1));
  auto config = nlohmann::json::parse(in);
  config["train"].merge_patch(changes);
  config["output"] = output;
  config["export"] = {{"calibrate", false}, {"ood", false}};
  std::ofstream(dir.file(name)) << config.dump(2);
  return dir.file(name);
}

std::vector<std::string> rankArguments(const std::string& config, int rank, int port, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"train", config, "--world-size", "2", "--rank", std::to_string(rank), "--rendezvous",
                                "127.0.0.1:" + std::to_string(port), "--timeout", "60"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

double largestDifference(const ai::internal::StateDict& a, const ai::internal::StateDict& b) {
  REQUIRE(a.size() == b.size());
  double largest = 0;
  for (const auto& [name, tensor] : a) {
    REQUIRE(b.count(name));
    largest = std::max(largest, (tensor.to(torch::kDouble) - b.at(name).to(torch::kDouble)).abs().max().item<double>());
  }
  return largest;
}

}  // namespace

TEST_CASE("two ranks on loopback give the weights of one process with the same global batch", "[train][distributed]") {
  TempDir dir;
  // Frozen batch norm: every film's gradient is its own, so the split is exact. SGD: Adam would
  // magnify rounding differences in near-zero gradients to a whole step.
  const nlohmann::json common = {{"epochs", 2}, {"optimizer", "sgd"}, {"lr", 0.05}, {"freeze_batch_norm", true}, {"threads", 1}};
  auto one = common, two = common;
  one["batch_size"] = 32;
  two["batch_size"] = 16;  // per rank: the same global batch of 32
  const auto oneConfig = configWith(dir, "one.json", "run-one", one);
  const auto twoConfig = configWith(dir, "two.json", "run-two", two);
  const int port = test::freePort();

  ChildProcess single(HILUM_CLI_EXECUTABLE, {"train", oneConfig}, dir.file("one.log"));
  ChildProcess rank0(HILUM_CLI_EXECUTABLE, rankArguments(twoConfig, 0, port), dir.file("rank0.log"));
  ChildProcess rank1(HILUM_CLI_EXECUTABLE, rankArguments(twoConfig, 1, port), dir.file("rank1.log"));
  INFO(single.log() << rank0.log() << rank1.log());
  REQUIRE(single.wait(std::chrono::minutes(5)) == 0);
  REQUIRE(rank0.wait(std::chrono::minutes(5)) == 0);
  REQUIRE(rank1.wait(std::chrono::minutes(1)) == 0);
  CHECK(rank0.log().find("training group of 2 ranks formed") != std::string::npos);
  CHECK(rank1.log().find("rank 0 exports the pack") != std::string::npos);

  for (const char* checkpoint : {"model-e2.pt", "best.pt"}) {
    auto a = ai::internal::readStateDict(dir.file(std::string("run-one/") + checkpoint));
    auto b = ai::internal::readStateDict(dir.file(std::string("run-two/") + checkpoint));
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(largestDifference(a.value(), b.value()) < 1e-5);
  }
  // Validation was sharded and summed: the same metrics as the single process.
  auto lastLine = [](const std::string& path) {
    std::ifstream in(path);
    std::string line, last;
    while (std::getline(in, line)) last = line;
    return nlohmann::json::parse(last);
  };
  const auto m1 = lastLine(dir.file("run-one/metrics.jsonl")), m2 = lastLine(dir.file("run-two/metrics.jsonl"));
  CHECK(m1.at("mean_auc").get<double>() == Approx(m2.at("mean_auc").get<double>()).margin(1e-6));
  CHECK(m1.at("train_loss").get<double>() == Approx(m2.at("train_loss").get<double>()).epsilon(1e-5));
  CHECK(m1.at("validation_loss").get<double>() == Approx(m2.at("validation_loss").get<double>()).epsilon(1e-5));
  CHECK(std::filesystem::exists(dir.file("run-two/pack/model.json")));
}

TEST_CASE("a rank that dies stops the other with a clear message; restarting resumes", "[train][distributed]") {
  TempDir dir;
  const auto config = configWith(dir, "run.json", "run", {{"epochs", 40}, {"batch_size", 8}, {"early_stopping", 0}, {"threads", 1}});
  int port = test::freePort();
  {
    ChildProcess rank0(HILUM_CLI_EXECUTABLE, rankArguments(config, 0, port), dir.file("rank0.log"));
    ChildProcess rank1(HILUM_CLI_EXECUTABLE, rankArguments(config, 1, port), dir.file("rank1.log"));
    INFO(rank0.log() << rank1.log());
    REQUIRE(rank0.waitForLog("epoch 2:", std::chrono::minutes(3)));
    rank1.kill();
    // Rank 0 fails at its next collective: the socket closed, no waiting for the 60 s timeout.
    const auto status = rank0.wait(std::chrono::seconds(45));
    REQUIRE(status);
    CHECK(*status != 0);
    CHECK(rank0.log().find("distributed training stopped") != std::string::npos);
    CHECK(rank0.log().find("--resume") != std::string::npos);
  }
  // The whole group restarts with --resume and continues after the last checkpoint.
  port = test::freePort();
  ChildProcess rank0(HILUM_CLI_EXECUTABLE, rankArguments(config, 0, port, {"--resume"}), dir.file("resume0.log"));
  ChildProcess rank1(HILUM_CLI_EXECUTABLE, rankArguments(config, 1, port, {"--resume"}), dir.file("resume1.log"));
  INFO(rank0.log() << rank1.log());
  REQUIRE(rank0.wait(std::chrono::minutes(5)) == 0);
  REQUIRE(rank1.wait(std::chrono::minutes(1)) == 0);
  CHECK(rank0.log().find("resuming after epoch") != std::string::npos);
  CHECK(rank1.log().find("resuming after epoch") != std::string::npos);  // the state reached it as bytes
  CHECK(std::filesystem::exists(dir.file("run/pack/model.json")));
}

TEST_CASE("the loader's thread count does not change the batches", "[train][distributed]") {
  // A GPU rank augments on many threads; each film is seeded on its own, so the run is the same.
  TempDir dir;
  for (const int threads : {1, 3}) {
    auto config = train::readTrainConfig(configWith(dir, "t.json", "run-" + std::to_string(threads),
                                                    {{"epochs", 1}, {"loader_threads", threads}, {"threads", 1}}));
    REQUIRE(config.ok());
    REQUIRE(train::trainModel(config.value()).ok());
  }
  auto a = ai::internal::readStateDict(dir.file("run-1/model-e1.pt"));
  auto b = ai::internal::readStateDict(dir.file("run-3/model-e1.pt"));
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(largestDifference(a.value(), b.value()) == 0.0);
}

TEST_CASE("rendezvous and torchrun variables are read, and nonsense is refused", "[train][distributed]") {
  train::DistributedOptions o;
  REQUIRE(train::parseRendezvous("10.0.0.5:29501", o).ok());
  CHECK(o.host == "10.0.0.5");
  CHECK(o.port == 29501);
  for (const char* bad : {"nohost", ":29500", "host:", "host:99999", "host:12a"}) {
    const auto s = train::parseRendezvous(bad, o);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().reason().find(bad) != std::string::npos);
  }
  ::setenv("WORLD_SIZE", "4", 1);
  ::setenv("RANK", "3", 1);
  ::setenv("MASTER_ADDR", "node-a", 1);
  ::setenv("MASTER_PORT", "29600", 1);
  train::DistributedOptions e;
  REQUIRE(train::distributedFromEnvironment(e).ok());
  CHECK(e.worldSize == 4);
  CHECK(e.rank == 3);
  CHECK(e.host == "node-a");
  CHECK(e.port == 29600);
  CHECK(train::validateDistributed(e).ok());
  e.rank = 4;
  CHECK(train::validateDistributed(e).error().reason().find("rank 4 is outside 0..3") != std::string::npos);
  ::setenv("WORLD_SIZE", "four", 1);
  const auto s = train::distributedFromEnvironment(e);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().reason().find("WORLD_SIZE") != std::string::npos);
  for (const char* name : {"WORLD_SIZE", "RANK", "MASTER_ADDR", "MASTER_PORT"}) ::unsetenv(name);
}
