// SvgWriter: appends inline SVG elements to a string, for the report's pictures.
//
// Coordinates are printed with one decimal (so the page is identical on every
// run), all text is HTML-escaped, and every shape may carry a <title> that
// browsers show on hover. Styling comes from CSS classes in the page.
//
//   std::string html;
//   SvgWriter svg(html, 400, 200, "Mentions per month");
//   svg.rect(10, 50, 20, 150, "bar", "2021-05: 12 mentions");
//   svg.text(20, 195, "May", "axis", "middle");
//   svg.finish();
#pragma once

#include <string>
#include <string_view>

namespace newsmine {

class SvgWriter {
 public:
  // Opens <svg> with a viewBox of width × height; `label` is its accessible name.
  SvgWriter(std::string& out, double width, double height, std::string_view label);

  void rect(double x, double y, double width, double height, std::string_view css_class, std::string_view title = {});
  void line(double x1, double y1, double x2, double y2, std::string_view css_class, double stroke_width = 1,
            std::string_view title = {});
  // A quadratic Bézier curve from (x1, y1) to (x2, y2) bent toward (cx, cy).
  void curve(double x1, double y1, double cx, double cy, double x2, double y2, std::string_view css_class,
             double stroke_width = 1, std::string_view title = {});
  void circle(double cx, double cy, double r, std::string_view css_class, std::string_view title = {});
  // anchor is "start", "middle" or "end"; rotate is in degrees around (x, y).
  void text(double x, double y, std::string_view text, std::string_view css_class, std::string_view anchor = "start",
            double rotate = 0);
  void finish();  // closes </svg>

 private:
  void number(double value);
  void attribute(std::string_view name, double value);  // ` name="value"`
  // The class, then "/>" or a <title> and the closing tag.
  void end_shape(std::string_view tag, std::string_view css_class, std::string_view title);

  std::string& out_;
};

}  // namespace newsmine
