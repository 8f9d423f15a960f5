#include "models/mentions.h"

namespace newsmine {

std::string_view to_string(DateKind kind) {
  switch (kind) {
    case DateKind::date: return "date";
    case DateKind::month: return "month";
    case DateKind::year: return "year";
    case DateKind::quarter: return "quarter";
    case DateKind::decade: return "decade";
    case DateKind::range: return "range";
    case DateKind::relative: return "relative";
  }
  return "date";
}

std::string_view to_string(NumberKind kind) {
  switch (kind) {
    case NumberKind::cardinal: return "cardinal";
    case NumberKind::money: return "money";
    case NumberKind::percent: return "percent";
    case NumberKind::ordinal: return "ordinal";
  }
  return "cardinal";
}

std::string_view to_string(EntityLabel label) {
  switch (label) {
    case EntityLabel::person: return "PERSON";
    case EntityLabel::org: return "ORG";
    case EntityLabel::loc: return "LOC";
    case EntityLabel::misc: return "MISC";
  }
  return "MISC";
}

}  // namespace newsmine
