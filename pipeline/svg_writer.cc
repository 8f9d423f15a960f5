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

void SvgWriter::attribute(std::string_view name, double value) {
  out_ += ' ';
  out_ += name;
  out_ += "=\"";
  number(value);
  out_ += '"';
}

void SvgWriter::end_shape(std::string_view tag, std::string_view css_class, std::string_view title) {
  out_ += " class=\"";
  out_ += css_class;
  out_ += '"';
  if (title.empty()) {
    out_ += "/>\n";
    return;
  }
  out_ += "><title>";
  append_html_escaped(title, out_);
  out_ += "</title></";
  out_ += tag;
  out_ += ">\n";
}

void SvgWriter::rect(double x, double y, double width, double height, std::string_view css_class,
                     std::string_view title) {
  out_ += "<rect";
  attribute("x", x);
  attribute("y", y);
  attribute("width", width);
  attribute("height", height);
  end_shape("rect", css_class, title);
}

void SvgWriter::line(double x1, double y1, double x2, double y2, std::string_view css_class, double stroke_width,
                     std::string_view title) {
  out_ += "<line";
  attribute("x1", x1);
  attribute("y1", y1);
  attribute("x2", x2);
  attribute("y2", y2);
  attribute("stroke-width", stroke_width);
  end_shape("line", css_class, title);
}

void SvgWriter::curve(double x1, double y1, double cx, double cy, double x2, double y2, std::string_view css_class,
                      double stroke_width, std::string_view title) {
  out_ += "<path d=\"M";
  const double points[] = {x1, y1, cx, cy, x2, y2};
  for (int i = 0; i < 6; ++i) {
    if (i > 0) out_ += i == 2 ? " Q" : " ";
    number(points[i]);
  }
  out_ += '"';
  attribute("stroke-width", stroke_width);
  end_shape("path", css_class, title);
}

void SvgWriter::circle(double cx, double cy, double r, std::string_view css_class, std::string_view title) {
  out_ += "<circle";
  attribute("cx", cx);
  attribute("cy", cy);
  attribute("r", r);
  end_shape("circle", css_class, title);
}

void SvgWriter::text(double x, double y, std::string_view text, std::string_view css_class, std::string_view anchor,
                     double rotate) {
  out_ += "<text";
  attribute("x", x);
  attribute("y", y);
  out_ += " class=\"";
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
