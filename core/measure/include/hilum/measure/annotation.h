#pragma once
// What a reader draws on a film. Points are film pixel coordinates: x runs along columns, y along
// rows, and pixel (c, r) covers [c, c+1) x [r, r+1), so a point does not move when the view zooms,
// rotates or flips. Each kind has a fixed number of points (pointCount).
#include <string>
#include <vector>

namespace hilum::measure {

enum class Kind {
  Distance,             // from, to
  Angle,                // end of the first arm, vertex, end of the second arm
  Rectangle,            // two opposite corners
  Ellipse,              // two opposite corners of its bounding box
  Arrow,                // tail, head; text is the label at the tail
  CardiothoracicRatio,  // heart width (two points), then thoracic width (two points); both horizontal
};

const char* toString(Kind kind);  // "distance", "angle", ...
bool kindFromString(const std::string& text, Kind& kind);
int pointCount(Kind kind);

struct Point {
  double x = 0.0;
  double y = 0.0;
  bool operator==(const Point& other) const { return x == other.x && y == other.y; }
};

struct Annotation {
  Kind kind = Kind::Distance;
  std::vector<Point> points;
  std::string text;  // the arrow's label; free for others
  bool complete() const { return static_cast<int>(points.size()) == pointCount(kind); }
};

// Every annotation scaled by `factor` (a preview replaced by the full film, or a stored set drawn on
// a film of another size).
std::vector<Annotation> scaled(std::vector<Annotation> annotations, double factor);

}  // namespace hilum::measure
