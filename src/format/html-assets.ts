/**
 * The HTML report's inline stylesheet and script. Both are constant, so the report's
 * Content-Security-Policy can allow exactly them by hash and nothing else. No url(), @import or
 * @font-face: the report must not reach for anything outside itself; and no `//` comments, so a
 * test can tell that no `//host` reference is anywhere in the page.
 */

export const REPORT_CSS = `
:root {
  --text: #1f1f1f; --muted: #595959; --line: #c4c4c4; --head: #f0f0f0; --link: #0b4f9c;
  --error: #a4161a; --error-bg: #fde8e8; --warning: #7a4a00; --warning-bg: #fff1c9;
  --info: #1d4f91; --info-bg: #e4effb; --ok: #1e6b36; --ok-bg: #e3f4e8; --bar: #4a5d7a;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto; max-width: 1440px; padding: 16px 24px 48px; color: var(--text); background: #fff;
  font: 14px/1.55 "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif;
}
h1 { font-size: 22px; margin: 8px 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 20px 0 8px; }
h4 { font-size: 14px; margin: 14px 0 6px; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, [tabindex]:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.meta, .note, .where, .status { color: var(--muted); }
.meta { margin: 0 0 8px; }
.file-name { overflow-wrap: anywhere; }
.pre { white-space: pre-wrap; overflow-wrap: anywhere; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.stats { display: flex; flex-wrap: wrap; gap: 8px 12px; margin: 8px 0 16px; padding: 0; }
.stats div { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 96px; }
.stats dt { color: var(--muted); font-size: 12px; }
.stats dd { margin: 0; font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
.charts { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 12px 48px; }
.chart { flex: 0 1 auto; min-width: 0; }
.chart h3 { font-size: 14px; margin: 8px 0 4px; }
.chart svg { max-width: 100%; height: auto; display: block; }
.chart text { font-size: 13px; fill: var(--text); }
.chart .bar { fill: var(--bar); }
.chart .bar.sev-error { fill: var(--error); }
.chart .bar.sev-warning { fill: #b07000; }
.chart .bar.sev-info { fill: var(--info); }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--head); }
tbody th { background: #fafafa; font-weight: 600; }
.sev { font-weight: 600; white-space: nowrap; }
.sev-error { color: var(--error); }
.sev-warning { color: var(--warning); }
.sev-info { color: var(--info); }
.sev-ok { color: var(--ok); }
.badge { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 13px; font-weight: 600; white-space: nowrap; }
.badge.sev-error { background: var(--error-bg); }
.badge.sev-warning { background: var(--warning-bg); }
.badge.sev-info { background: var(--info-bg); }
.badge.sev-ok { background: var(--ok-bg); }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 20px; margin: 8px 0; }
.controls input[type=search] { font: inherit; padding: 4px 8px; width: 22em; max-width: 100%; border: 1px solid #767676; border-radius: 4px; }
.controls fieldset { border: 1px solid var(--line); border-radius: 4px; padding: 2px 10px 4px; margin: 0; }
.controls legend { font-size: 12px; color: var(--muted); padding: 0 4px; }
.controls fieldset label { margin-right: 12px; white-space: nowrap; }
#overview th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; }
#overview th button::after { content: " \\2195"; color: var(--muted); font-weight: 400; }
#overview th[aria-sort=ascending] button::after { content: " \\2191"; color: var(--text); }
#overview th[aria-sort=descending] button::after { content: " \\2193"; color: var(--text); }
#overview tbody th { min-width: 14em; }
#overview td.worst { min-width: 14em; }
section.file { margin-top: 36px; }
.back { font-size: 13px; margin: 0 0 8px; }
.problems { margin: 8px 0; padding-left: 20px; }
.facts { width: auto; min-width: 60%; }
.facts th { width: 14em; }
.facts td.cell, .ind td.rownum { color: var(--muted); font-size: 12px; white-space: nowrap; }
.ind td.level { min-width: 6em; }
.ind td.name { min-width: 12em; }
.ind td.value { min-width: 7em; }
.ind td.findings-cell { min-width: 22em; width: 50%; }
.ind tr.period th { background: var(--head); }
td.flag-error, th.flag-error { background: var(--error-bg); box-shadow: inset 4px 0 0 var(--error); }
td.flag-warning, th.flag-warning { background: var(--warning-bg); box-shadow: inset 4px 0 0 #b07000; }
td.flag-info, th.flag-info { background: var(--info-bg); box-shadow: inset 4px 0 0 var(--info); }
.mark { font-size: 12px; font-weight: 700; text-decoration: none; margin-left: 4px; white-space: nowrap; }
.findings { list-style: none; margin: 0; padding: 0; }
.findings > li { margin: 0 0 6px; padding: 0 0 6px; border-bottom: 1px dotted var(--line); }
.findings > li:last-child { border-bottom: 0; padding-bottom: 0; margin-bottom: 0; }
.findings .at { font-family: ui-monospace, Consolas, monospace; font-size: 12px; color: var(--muted); margin: 0 4px; }
.findings .rule { display: block; font-family: ui-monospace, Consolas, monospace; font-size: 12px; color: var(--muted); }
.suggestions { margin: 4px 0 0; padding-left: 18px; }
.edit { display: block; font-size: 13px; color: var(--muted); }
.form-findings { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 8px 0 12px; }
@media (max-width: 760px) {
  body { padding: 8px 10px 32px; }
  .facts th { width: auto; }
}
@media print {
  @page { margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  .controls, .back, .no-print { display: none !important; }
  a { color: inherit; text-decoration: none; }
  thead { display: table-header-group; }
  tr, li, .chart, .stats div { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  section.file { break-before: page; }
  .scroll { overflow: visible; }
  .ind td.name { min-width: 6em; }
  .ind td.findings-cell { min-width: 0; width: 48%; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  #overview th button::after { content: none; }
}
`;

/**
 * The file list's sorting and filtering. Reads its data from the JSON block (never from markup it
 * builds), moves the existing rows and toggles `hidden`: no innerHTML, O(n log n) per sort and
 * O(n) per filter, so 500 files stay quick. Records: [file, forms, indicators, errors, warnings,
 * infos, worst (0 clean … 3 error), lower-cased search text].
 */
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var dataBlock = document.getElementById('overview-data');
  var table = document.getElementById('overview');
  if (!dataBlock || !table) return;
  var data = JSON.parse(dataBlock.textContent);
  var records = data.rows;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var controls = document.getElementById('overview-controls');
  var filter = document.getElementById('overview-filter');
  var status = document.getElementById('overview-status');
  var boxes = Array.prototype.slice.call(controls.querySelectorAll('input[data-worst]'));
  var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
  var sortColumn = -1;
  var descending = false;

  function compare(column, a, b) {
    var x = records[a], y = records[b];
    if (column === 0) return collator.compare(x[0], y[0]);
    if (column === 6) return x[6] - y[6] || x[3] - y[3] || x[4] - y[4] || x[5] - y[5];
    return x[column] - y[column];
  }

  function sortBy(column) {
    /* Counts sort most first on the first click; file names A to Z. */
    descending = column === sortColumn ? !descending : column !== 0;
    sortColumn = column;
    var order = records.map(function (_, i) { return i; });
    order.sort(function (a, b) { return (descending ? -compare(column, a, b) : compare(column, a, b)) || a - b; });
    var fragment = document.createDocumentFragment();
    order.forEach(function (i) { fragment.appendChild(rows[i]); });
    tbody.appendChild(fragment);
    headers.forEach(function (th, i) {
      if (i === column) th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    });
  }

  function applyFilter() {
    var query = filter.value.trim().toLowerCase();
    var wanted = {};
    boxes.forEach(function (box) { wanted[box.getAttribute('data-worst')] = box.checked; });
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var visible = wanted[records[i][6]] === true && (query === '' || records[i][7].indexOf(query) !== -1);
      if (rows[i].hidden === visible) rows[i].hidden = !visible;
      if (visible) shown++;
    }
    status.textContent = data.shown.replace('{shown}', String(shown)).replace('{total}', String(rows.length));
  }

  headers.forEach(function (th, i) {
    var button = th.querySelector('button');
    if (button) button.addEventListener('click', function () { sortBy(i); });
  });
  filter.addEventListener('input', applyFilter);
  boxes.forEach(function (box) { box.addEventListener('change', applyFilter); });
  controls.hidden = false;
  applyFilter();
})();
`;
