// SPDX-License-Identifier: MIT
// The surface the png card is drawn on. cairo and pango, with the three dozen libraries they
// load, live in a module of their own (kpi-png.so) that is loaded only to draw a png: linked
// into kpi, they took 9 of the 19 ms every run spent starting, whatever it printed.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace kpi::report {

struct PngColour {
  double red, green, blue;
};

enum class PngAlign { Left, Right, Centre };

struct PngStyle {
  double size;
  bool bold;
  PngColour colour;
};

/// An image of a fixed size, white until drawn on.
class PngCanvas {
 public:
  virtual ~PngCanvas() = default;
  /// A filled rectangle, its corners rounded by `radius` when it is above 0.
  virtual void box(PngColour colour, double x, double y, double width, double height,
                   double radius) = 0;
  /// The width `text` takes in `style`, unbounded.
  virtual double measure(std::string_view text, const PngStyle& style) = 0;
  /// `text` in the box from `x`, `width` wide, centred vertically on `middle`; what does not
  /// fit ends in an ellipsis.
  virtual void text(std::string_view text, const PngStyle& style, double x, double middle,
                    double width, PngAlign align) = 0;
  /// The image as png bytes; false, with what went wrong in `problem`, when it cannot be
  /// encoded.
  virtual bool encode(std::string& bytes, std::string& problem) = 0;
};

/// The module's one entry point, kKpiMakePngCanvas: a canvas `width` × `height` px whose text
/// is set in the first of `fonts` (a fontconfig family list) found.
using MakePngCanvas = PngCanvas* (*)(int width, int height, const char* fonts);
/// Its name, which says the version of PngCanvas: a module of another kpi, built against
/// another layout, is not found rather than called. Change it with the interface.
inline constexpr const char* kKpiMakePngCanvas = "kpi_make_png_canvas_v1";

/// Loads the module (once). Throws Error ("usage.png-unavailable") when it does not load,
/// saying where it was looked for and why.
void load_png_canvas();

/// A canvas from the module; throws as load_png_canvas.
std::unique_ptr<PngCanvas> make_png_canvas(int width, int height, const char* fonts);

}  // namespace kpi::report
