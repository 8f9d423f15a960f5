#include "pipeline/svg_writer.h"

#include <cmath>
#include <cstdio>

#include "pipeline/html_escape.h"

namespace newsmine {

SvgWriter::SvgWriter(std::string& out, double width, double height, std::string_view label) : out_(out) {
  out_ += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ";
  number(width);
  out_ += ' ';
  number(height);
  out_ += "\" role=\"img\" aria-label=\"";
  append_html_escaped(label, out_);
  out_ += "\">\n";
}

void SvgWriter::number(double value) {
  char buffer[32];
  const double rounded = std::round(value * 10) / 10;
  std::snprintf(buffer, sizeof buffer, "%.1f", rounded == 0 ? 0.0 : rounded);  // never "-0.0"
  std::string_view text = buffer;
  if (text.size() > 2 && text.substr(text.size() - 2) == ".0") text.remove_suffix(2);
  out_ += text;
}

void SvgWriter::close_shape(std::string_view title) {
  if (title.empty()) {
    out_ += "/>\n";
    return;
  }
  out_ += "><title>";
  append_html_escaped(title, out_);
  out_ += "</title></";
}

void SvgWriter::rect(double x, double y, double width, double height, std::string_view css_class,
                     std::string_view title) {
  out_ += "<rect x=\"";
  number(x);
  out_ += "\" y=\"";
  number(y);
  out_ += "\" width=\"";
  number(width);
  out_ += "\" height=\"";
  number(height);
  out_ += "\" class=\"";
  out_ += css_class;
  out_ += '"';
  close_shape(title);
  if (!title.empty()) out_ += "rect>\n";
}

void SvgWriter::line(double x1, double y1, double x2, double y2, std::string_view css_class, double stroke_width,
                     std::string_view title) {
  out_ += "<line x1=\"";
  number(x1);
  out_ += "\" y1=\"";
  number(y1);
  out_ += "\" x2=\"";
  number(x2);
  out_ += "\" y2=\"";
  number(y2);
  out_ += "\" stroke-width=\"";
  number(stroke_width);
  out_ += "\" class=\"";
  out_ += css_class;
  out_ += '"';
  close_shape(title);
  if (!title.empty()) out_ += "line>\n";
}

void SvgWriter::curve(double x1, double y1, double cx, double cy, double x2, double y2, std::string_view css_class,
                      double stroke_width, std::string_view title) {
  out_ += "<path d=\"M";
  number(x1);
  out_ += ' ';
  number(y1);
  out_ += " Q";
  number(cx);
  out_ += ' ';
  number(cy);
  out_ += ' ';
  number(x2);
  out_ += ' ';
  number(y2);
  out_ += "\" stroke-width=\"";
  number(stroke_width);
  out_ += "\" class=\"";
  out_ += css_class;
  out_ += '"';
  close_shape(title);
  if (!title.empty()) out_ += "path>\n";
}

void SvgWriter::circle(double cx, double cy, double r, std::string_view css_class, std::string_view title) {
  out_ += "<circle cx=\"";
  number(cx);
  out_ += "\" cy=\"";
  number(cy);
  out_ += "\" r=\"";
  number(r);
  out_ += "\" class=\"";
  out_ += css_class;
  out_ += '"';
  close_shape(title);
  if (!title.empty()) out_ += "circle>\n";
}

void SvgWriter::text(double x, double y, std::string_view text, std::string_view css_class, std::string_view anchor,
                     double rotate) {
  out_ += "<text x=\"";
  number(x);
  out_ += "\" y=\"";
  number(y);
  out_ += "\" class=\"";
  out_ += css_class;
  out_ += "\" text-anchor=\"";
  out_ += anchor;
  out_ += '"';
  if (rotate != 0) {
    out_ += " transform=\"rotate(";
    number(rotate);
    out_ += ' ';
    number(x);
    out_ += ' ';
    number(y);
    out_ += ")\"";
  }
  out_ += '>';
  append_html_escaped(text, out_);
  out_ += "</text>\n";
}

void SvgWriter::finish() { out_ += "</svg>\n"; }

}  // namespace newsmine
