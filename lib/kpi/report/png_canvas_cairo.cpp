// SPDX-License-Identifier: MIT
// The png card's canvas drawn with cairo and laid out with pango: the module kpi-png.so, loaded
// only when a png is drawn (see png_canvas.hpp). Hinting is off and antialiasing fixed, so
// fontconfig's local settings do not change the pixels.
#include <cairo.h>
#include <pango/pangocairo.h>

#include "kpi/report/png_canvas.hpp"

namespace kpi::report {
namespace {

class CairoCanvas final : public PngCanvas {
 public:
  CairoCanvas(int width, int height, const char* fonts)
      : surface_(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height)),
        cr_(cairo_create(surface_)),
        layout_(pango_cairo_create_layout(cr_)),
        font_(pango_font_description_new()) {
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(pango_layout_get_context(layout_), options);
    cairo_font_options_destroy(options);
    pango_layout_context_changed(layout_);
    pango_layout_set_single_paragraph_mode(layout_, TRUE);
    pango_layout_set_ellipsize(layout_, PANGO_ELLIPSIZE_END);
    pango_font_description_set_family(font_, fonts);
  }
  ~CairoCanvas() override {
    pango_font_description_free(font_);
    g_object_unref(layout_);
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }
  CairoCanvas(const CairoCanvas&) = delete;
  CairoCanvas& operator=(const CairoCanvas&) = delete;

  void box(PngColour colour, double x, double y, double width, double height,
           double radius) override {
    cairo_set_source_rgb(cr_, colour.red, colour.green, colour.blue);
    if (radius <= 0) {
      cairo_rectangle(cr_, x, y, width, height);
    } else {
      cairo_new_sub_path(cr_);
      cairo_arc(cr_, x + width - radius, y + radius, radius, -G_PI / 2, 0);
      cairo_arc(cr_, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
      cairo_arc(cr_, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
      cairo_arc(cr_, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
      cairo_close_path(cr_);
    }
    cairo_fill(cr_);
  }

  double measure(std::string_view text, const PngStyle& style) override {
    set(text, style, -1, PngAlign::Left);
    PangoRectangle logical;
    pango_layout_get_pixel_extents(layout_, nullptr, &logical);
    return logical.width;
  }

  void text(std::string_view text, const PngStyle& style, double x, double middle, double width,
            PngAlign align) override {
    set(text, style, width, align);
    PangoRectangle logical;
    pango_layout_get_pixel_extents(layout_, nullptr, &logical);
    cairo_set_source_rgb(cr_, style.colour.red, style.colour.green, style.colour.blue);
    cairo_move_to(cr_, x, middle - logical.height / 2.0);
    pango_cairo_show_layout(cr_, layout_);
  }

  bool encode(std::string& bytes, std::string& problem) override {
    cairo_surface_flush(surface_);
    const cairo_status_t status = cairo_surface_write_to_png_stream(
        surface_,
        [](void* closure, const unsigned char* data, unsigned int length) {
          static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
          return CAIRO_STATUS_SUCCESS;
        },
        &bytes);
    if (status != CAIRO_STATUS_SUCCESS) {
      problem = cairo_status_to_string(status);
      return false;
    }
    return true;
  }

 private:
  void set(std::string_view text, const PngStyle& style, double width, PngAlign align) {
    pango_font_description_set_absolute_size(font_, style.size * PANGO_SCALE);
    pango_font_description_set_weight(font_, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout_, font_);
    pango_layout_set_width(layout_, width < 0 ? -1 : static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_alignment(layout_, align == PngAlign::Right    ? PANGO_ALIGN_RIGHT
                                        : align == PngAlign::Centre ? PANGO_ALIGN_CENTER
                                                                    : PANGO_ALIGN_LEFT);
    pango_layout_set_text(layout_, text.data(), static_cast<int>(text.size()));
  }

  cairo_surface_t* surface_;
  cairo_t* cr_;
  PangoLayout* layout_;
  PangoFontDescription* font_;
};

}  // namespace
}  // namespace kpi::report

// The module's entry point (MakePngCanvas), looked up by this unmangled name (kKpiMakePngCanvas).
extern "C" [[gnu::visibility("default")]] kpi::report::PngCanvas* kpi_make_png_canvas_v1(
    int width, int height, const char* fonts) {
  return new kpi::report::CairoCanvas(width, height, fonts);
}
