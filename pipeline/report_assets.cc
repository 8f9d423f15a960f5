#include "pipeline/report_assets.h"

namespace newsmine {

const char kReportStyle[] = R"css(
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --panel: #ffffff; --page: #f5f7fa;
        --accent: #2f6fb3; --near: #e08a1e; --exact: #c2413b; --del: #fde2e1; --ins: #dcf5e3; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--ink);
       font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
header { background: #1f3a5f; color: #fff; padding: 22px 32px 18px; }
header h1 { margin: 0; font-size: 24px; font-weight: 600; }
header p { margin: 4px 0 0; color: #c9d8ea; }
nav { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid var(--line); padding: 8px 32px; }
nav a { color: var(--accent); text-decoration: none; margin-right: 18px; font-size: 14px; }
main { max-width: 1200px; margin: 0 auto; padding: 8px 32px 40px; }
section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 18px 22px; margin: 18px 0; }
h2 { margin: 0 0 4px; font-size: 19px; }
.note { color: var(--muted); font-size: 13px; margin: 0 0 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.card b { display: block; font-size: 22px; font-weight: 600; }
.card span { color: var(--muted); font-size: 13px; }
.share { height: 10px; background: var(--line); border-radius: 5px; overflow: hidden; margin-top: 6px; }
.share i { display: block; height: 100%; background: var(--near); }
details { margin-top: 12px; font-size: 14px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; font-size: 13px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.meter { display: inline-block; height: 8px; background: var(--accent); border-radius: 4px; vertical-align: middle; margin-right: 6px; }
.id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; }
.chip { display: inline-block; border: 1px solid var(--line); border-radius: 10px; padding: 0 8px; margin: 2px 4px 2px 0;
        font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; background: #f8fafc; }
.label { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 12px; font-weight: 600; color: #fff; }
.label.PERSON { background: #2f6fb3; } .label.ORG { background: #7b4fb3; } .label.LOC { background: #2d8a5f; } .label.MISC { background: #7b8794; }
.graph { display: grid; grid-template-columns: minmax(0, 700px) 1fr; gap: 18px; align-items: start; }
.graph svg { width: 100%; height: auto; }
.legend p { margin: 6px 0; font-size: 14px; }
.swatch { display: inline-block; width: 28px; height: 0; border-top: 4px solid; vertical-align: middle; margin-right: 8px; }
svg .link { fill: none; }
svg .link.exact { stroke: var(--exact); stroke-opacity: .8; }
svg .link.near { stroke: var(--near); stroke-opacity: .85; }
svg .link.sim { stroke: #7b8794; }
svg .link.sim.hi { stroke-opacity: .55; } svg .link.sim.mid { stroke-opacity: .35; } svg .link.sim.lo { stroke-opacity: .2; }
svg .node { fill: #fff; stroke: #52606d; stroke-width: 1.5; }
svg .node.reused { fill: #fbe3c4; stroke: var(--near); }
svg .label { font-size: 12px; fill: var(--ink); font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
svg .bar { fill: var(--accent); } svg .marker { fill: var(--near); } svg .hover { fill: transparent; }
svg .grid { stroke: var(--line); } svg .axis { stroke: #9aa5b1; }
svg .tick { font-size: 11px; fill: var(--muted); } svg .group { font-size: 11px; fill: var(--ink); font-weight: 600; }
svg path:hover, svg circle:hover, svg rect.bar:hover { stroke: var(--ink); stroke-opacity: 1; }
figure { margin: 8px 0 18px; } figure svg { width: 100%; height: auto; }
figcaption { font-size: 14px; color: var(--muted); margin-bottom: 4px; }
.key { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: middle; margin: 0 3px 0 12px; }
.key.bar { background: var(--accent); } .key.marker { background: var(--near); }
nav .filter { float: right; } nav .filter input { font: inherit; font-size: 14px; padding: 2px 8px; width: 240px;
        border: 1px solid var(--line); border-radius: 4px; }
.passage { border-top: 1px solid var(--line); padding: 12px 0 6px; }
.passage h3 { margin: 0 0 8px; font-size: 14px; font-weight: 600; }
.kind { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 12px; color: #fff; margin-left: 6px; }
.kind.exact { background: var(--exact); } .kind.near { background: var(--near); }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
.side { background: #fbfcfd; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.side .id { color: var(--muted); display: block; margin-bottom: 4px; }
.side p { margin: 0; white-space: pre-line; font-size: 14px; }
.skip { color: var(--muted); background: var(--line); border-radius: 3px; padding: 0 5px; cursor: help; }
del { background: var(--del); color: #8a1c17; text-decoration: none; border-radius: 2px; padding: 0 1px; }
ins { background: var(--ins); color: #135e2e; text-decoration: none; border-radius: 2px; padding: 0 1px; }
.family td:nth-child(3) { max-width: 520px; }
.empty { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: 13px; text-align: center; padding: 0 32px 30px; }
@media (max-width: 900px) { .sides, .graph { grid-template-columns: 1fr; } }
)css";

const char kReportScript[] = R"js(
(function () {
  var box = document.getElementById('filter');
  var rows = document.querySelectorAll('[data-ids]');
  if (box) {
    box.addEventListener('input', function () {
      var needle = box.value.trim().toLowerCase();
      rows.forEach(function (row) {
        row.hidden = needle !== '' && row.getAttribute('data-ids').toLowerCase().indexOf(needle) < 0;
      });
    });
  }
  document.body.setAttribute('data-ready', 'yes');
})();
)js";

}  // namespace newsmine
