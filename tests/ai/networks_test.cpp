// The native networks and their checkpoint format: names are torchvision's, so its state dicts
// (and CheXNet's, and torchxrayvision's DenseNet) load by name.
#include "temp_dir.h"
#include "tiny_pack.h"

#include "hilum/ai/analyzer.h"

#include "hilum/ai/internal/networks.h"
#include "hilum/ai/internal/state_dict.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

using namespace hilum::ai::internal;
using hilum::Status;
using hilum::test::TempDir;
using Catch::Matchers::Contains;

TEST_CASE("networks have torchvision's parameter and buffer names", "[ai][networks]") {
  // Counts and names as torchvision 0.14 gives them (state_dict() of densenet121 / resnet18 / resnet50).
  struct Case { const char* arch; std::size_t entries; std::vector<std::string> names; };
  const Case cases[] = {
      {"densenet121", 727, {"features.conv0.weight", "features.denseblock1.denselayer1.norm1.running_mean",
                            "features.denseblock4.denselayer16.conv2.weight", "features.transition3.conv.weight",
                            "features.norm5.num_batches_tracked", "classifier.weight", "classifier.bias"}},
      {"resnet18", 122, {"conv1.weight", "layer1.0.conv1.weight", "layer2.0.downsample.0.weight",
                         "layer4.1.bn2.num_batches_tracked", "fc.weight"}},
      {"resnet50", 320, {"layer1.0.conv3.weight", "layer1.0.downsample.1.running_var", "layer4.2.bn3.weight", "fc.bias"}},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.arch) {
      const auto net = makeNetwork(c.arch, 14, 3);
      const auto names = stateDictOf(*net);
      CHECK(names.size() == c.entries);
      for (const auto& name : c.names) CHECK(names.count(name) == 1);
    }
  }
}

TEST_CASE("a DenseNet-121 state dict round-trips by name", "[ai][networks]") {
  TempDir dir;
  torch::manual_seed(1);
  auto original = makeNetwork("densenet121", 3, 3);
  original->eval();
  REQUIRE(writeStateDict(*original, dir.file("w.pt")).ok());
  torch::manual_seed(2);
  auto copy = makeNetwork("densenet121", 3, 3);
  copy->eval();
  auto weights = readStateDict(dir.file("w.pt"));
  REQUIRE(weights.ok());
  REQUIRE(applyStateDict(*copy, weights.value(), "w.pt").ok());
  torch::NoGradGuard noGrad;
  const auto x = torch::randn({1, 3, 64, 64});
  CHECK(torch::allclose(original->forward(x), copy->forward(x)));
}

TEST_CASE("DataParallel and pre-0.4 DenseNet key names load", "[ai][networks]") {
  torch::manual_seed(1);
  auto original = makeNetwork("densenet121", 2, 1);
  original->eval();
  StateDict legacy;
  for (const auto& [name, tensor] : stateDictOf(*original)) {
    std::string old = name;
    for (const char* part : {"norm1", "norm2", "conv1", "conv2"}) {
      const auto at = old.find(std::string(".") + part + ".");
      if (at != std::string::npos && old.find("denselayer") != std::string::npos)
        old.replace(at + 1, 5, std::string(part, 4) + "." + part[4]);
    }
    legacy["module." + old] = tensor.clone();
  }
  REQUIRE(legacy.count("module.features.denseblock1.denselayer1.norm.1.weight") == 1);
  // readStateDict normalises keys as it reads; do the same through a file.
  TempDir dir;
  c10::Dict<std::string, torch::Tensor> dict;
  for (const auto& [name, tensor] : legacy) dict.insert(name, tensor);
  const auto bytes = torch::pickle_save(c10::IValue(dict));
  hilum::test::writeBytes(dir.file("legacy.pt"), std::string(bytes.begin(), bytes.end()));
  auto weights = readStateDict(dir.file("legacy.pt"));
  REQUIRE(weights.ok());
  auto copy = makeNetwork("densenet121", 2, 1);
  copy->eval();
  REQUIRE(applyStateDict(*copy, weights.value(), "legacy.pt").ok());
  torch::NoGradGuard noGrad;
  const auto x = torch::randn({1, 1, 64, 64});
  CHECK(torch::allclose(original->forward(x), copy->forward(x)));
}

TEST_CASE("weights that do not fit the network are refused by name", "[ai][networks]") {
  auto net = makeNetwork("resnet18", 2, 3);
  auto other = stateDictOf(*makeNetwork("resnet18", 3, 3));
  SECTION("another label count") {
    const Status s = applyStateDict(*net, other, "w.pt");
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.error().reason(), Contains("fc.weight") && Contains("[3, 512]"));
  }
  SECTION("a missing entry") {
    auto weights = stateDictOf(*net);
    weights.erase("layer3.1.bn2.running_var");
    const Status s = applyStateDict(*net, weights, "w.pt");
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.error().reason(), Contains("layer3.1.bn2.running_var"));
  }
  SECTION("another architecture") {
    const Status s = applyStateDict(*net, stateDictOf(*makeNetwork("smallcnn", 2, 3)), "w.pt");
    REQUIRE_FALSE(s.ok());
  }
  SECTION("an extra entry") {
    auto weights = stateDictOf(*net);
    weights["projection.weight"] = torch::zeros({2});
    const Status s = applyStateDict(*net, weights, "w.pt");
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.error().reason(), Contains("projection.weight"));
  }
}

TEST_CASE("a weights file that is not a state dict says how to export one", "[ai][networks]") {
  TempDir dir;
  const auto bytes = torch::pickle_save(c10::IValue(torch::ones({3})));
  hilum::test::writeBytes(dir.file("tensor.pt"), std::string(bytes.begin(), bytes.end()));
  const auto tensor = readStateDict(dir.file("tensor.pt"));
  REQUIRE_FALSE(tensor.ok());
  CHECK_THAT(tensor.error().reason(), Contains("dict"));
  hilum::test::writeBytes(dir.file("junk.pt"), "PK\x03\x04 not really a zip");
  const auto junk = readStateDict(dir.file("junk.pt"));
  REQUIRE_FALSE(junk.ok());
  CHECK_THAT(junk.error().reason(), Contains("dict(model.state_dict())"));
}

TEST_CASE("unknown architectures are named", "[ai][networks]") {
  CHECK_THROWS_WITH(makeNetwork("vgg16", 2, 3), Contains("vgg16"));
}

TEST_CASE("half-precision weights load into a float network with nearly the same outputs", "[ai][networks]") {
  TempDir dir;
  torch::manual_seed(4);
  auto net = makeNetwork("resnet18", 3, 1);
  net->eval();
  REQUIRE(writeStateDict(*net, dir.file("half.pt"), /*half=*/true).ok());
  REQUIRE(writeStateDict(*net, dir.file("full.pt")).ok());
  CHECK(hilum::test::readBytes(dir.file("half.pt")).size() < hilum::test::readBytes(dir.file("full.pt")).size() * 0.6);
  auto copy = makeNetwork("resnet18", 3, 1);
  copy->eval();
  auto weights = readStateDict(dir.file("half.pt"));
  REQUIRE(weights.ok());
  CHECK(weights.value().at("fc.weight").scalar_type() == torch::kHalf);
  REQUIRE(applyStateDict(*copy, weights.value(), "half.pt").ok());
  CHECK(copy->named_parameters()["fc.weight"].scalar_type() == torch::kFloat);
  torch::NoGradGuard noGrad;
  const auto x = torch::randn({1, 1, 64, 64});
  CHECK(torch::allclose(torch::sigmoid(net->forward(x)), torch::sigmoid(copy->forward(x)), 1e-2, 1e-3));
}

TEST_CASE("a covariate head adds its term to the image's logits and starts at zero", "[ai][networks][covariates]") {
  torch::manual_seed(2);
  auto net = makeNetwork("smallcnn", 2, 1, 6);
  net->eval();
  CHECK(net->covariateWidth() == 6);
  const auto names = stateDictOf(*net);
  REQUIRE(names.count("covariate_head.weight") == 1);
  CHECK(names.count("covariate_head.bias") == 0);  // the image head has the bias
  const auto x = torch::rand({3, 1, 32, 32});
  const auto c = torch::rand({3, 6});
  torch::NoGradGuard noGrad;
  const auto image = net->head(net->features(x));
  CHECK(torch::allclose(net->forward(x, c), image));  // zero at the start: the image decides
  torch::nn::init::normal_(net->covariateHead()->weight);
  CHECK(torch::allclose(net->forward(x, c), image + torch::matmul(c, net->covariateHead()->weight.t()), 1e-5, 1e-6));
  CHECK_THROWS(net->forward(x));  // a network that reads covariates is never run without them
  CHECK_THROWS(net->forward(x, torch::rand({3, 4})));
  // A network without the head ignores them.
  CHECK(makeNetwork("smallcnn", 2, 1)->covariateWidth() == 0);
}

TEST_CASE("the Analyzer gives a covariate pack the header's or the caller's covariates, and says so", "[ai][analyzer][covariates]") {
  TempDir dir;
  torch::manual_seed(4);
  auto manifest = hilum::test::tinyManifest();
  manifest.name = "covariate-pack";
  manifest.covariates = {"age", "sex", "view"};
  auto net = makeNetwork("smallcnn", 2, 1, 6);
  {
    // "Disc" follows the patient's sex alone: +6 for a man, -6 for a woman (encoding in covariates.h).
    torch::NoGradGuard noGrad;
    net->covariateHead()->weight.zero_();
    net->covariateHead()->weight[0][2] = 6.0;
    net->covariateHead()->weight[0][3] = -6.0;
  }
  REQUIRE(writeStateDict(*net, dir.file("weights.pt")).ok());
  hilum::test::writeManifest(dir.path(), manifest);
  auto analyzer = hilum::ai::Analyzer::open(dir.path());
  REQUIRE(analyzer.ok());
  REQUIRE(analyzer.value()->manifest().covariates.size() == 3);

  const auto film = hilum::test::shapesFilm(0.5, 0.5);
  auto probabilityOfDisc = [](const hilum::ai::Findings& f) {
    for (const auto& r : f.ranked)
      if (r.label == "Disc") return r.probability;
    return -1.0;
  };
  hilum::ai::AnalyzeOptions options;
  options.heatmaps = true;
  options.patient = hilum::ai::PatientCovariates{70.0, "M", "PA"};
  const auto man = analyzer.value()->analyze(film, options);
  options.patient = hilum::ai::PatientCovariates{70.0, "F", "PA"};
  const auto woman = analyzer.value()->analyze(film, options);
  REQUIRE(man.ok());
  REQUIRE(woman.ok());
  CHECK(probabilityOfDisc(man.value()) - probabilityOfDisc(woman.value()) > 0.9);
  CHECK(man.value().covariates == "age 70 y, sex M, view PA");
  CHECK(man.value().unknownCovariates.empty());
  // The heatmaps are the image's: the covariates only shift the logits.
  auto discMap = [](const hilum::ai::Findings& f) {
    for (const auto& h : f.heatmaps)
      if (h.label == "Disc") return h.values;
    return std::vector<float>();
  };
  REQUIRE_FALSE(discMap(man.value()).empty());
  CHECK(discMap(man.value()) == discMap(woman.value()));

  // The generated film's header says nothing: the model runs with every covariate unknown and the
  // reader is told.
  const auto unknown = analyzer.value()->analyze(film);
  REQUIRE(unknown.ok());
  CHECK(unknown.value().covariates == "age unknown, sex unknown, view unknown");
  CHECK(unknown.value().unknownCovariates == std::vector<std::string>{"age", "sex", "view"});
  // Age and sex identify: an anonymised report says only what the model had to do without.
  CHECK(man.value().covariatesForReport(false) == "age 70 y, sex M, view PA");
  CHECK(man.value().covariatesForReport(true) == "values withheld in this anonymised report");
  CHECK(unknown.value().covariatesForReport(true) == "values withheld in this anonymised report; unknown to the model: age, sex, view");
  const double middle = probabilityOfDisc(unknown.value());
  CHECK(middle < probabilityOfDisc(man.value()));
  CHECK(middle > probabilityOfDisc(woman.value()));
}

TEST_CASE("test-time augmentation averages the views' logits; heatmaps stay the plain view's", "[ai][analyzer][tta]") {
  TempDir plainDir, sameDir, shiftedDir;
  const auto manifest = hilum::test::writeTinyPack(plainDir.path());
  for (const auto* dir : {&sameDir, &shiftedDir})
    std::filesystem::copy_file(plainDir.file("weights.pt"), dir->file("weights.pt"));
  auto same = manifest;
  same.testTimeAugmentation = {{1.0, 0.0, 0.0}, {1.0, 0.0, 0.0}};  // identity views: the plain result
  hilum::test::writeManifest(sameDir.path(), same);
  auto shifted = manifest;
  shifted.testTimeAugmentation = {{1.1, 0.0, 0.0}, {1.0, 0.1, 0.0}, {1.0, -0.1, 0.0}};
  hilum::test::writeManifest(shiftedDir.path(), shifted);

  const auto film = hilum::test::shapesFilm(0.3, 0.4);
  auto run = [&film](const std::string& pack) {
    auto analyzer = hilum::ai::Analyzer::open(pack);
    REQUIRE(analyzer.ok());
    auto findings = analyzer.value()->analyze(film);
    REQUIRE(findings.ok());
    std::map<std::string, std::pair<double, std::vector<float>>> byLabel;
    for (std::size_t i = 0; i < findings.value().ranked.size(); ++i)
      byLabel[findings.value().ranked[i].label] = {findings.value().ranked[i].probability, findings.value().heatmaps[i].values};
    return byLabel;
  };
  const auto plain = run(plainDir.path()), identical = run(sameDir.path()), augmented = run(shiftedDir.path());
  double moved = 0;
  for (const auto& [label, result] : plain) {
    CHECK(identical.at(label).first == Approx(result.first).margin(1e-5));
    CHECK(augmented.at(label).second == result.second);
    moved += std::abs(augmented.at(label).first - result.first);
  }
  CHECK(moved > 1e-4);  // the views differ from the plain film, so their mean does too
}
