// The stylesheet (/static/style.css): plain, readable, printable. Kept as a module so that the
// build (tsc) ships it in dist/ with the code.

export const STYLE_CSS = `
:root { --fg: #1b1b1b; --muted: #5c5c5c; --line: #c8c8c8; --bg-soft: #f4f4f1; --accent: #0b4f8a; --bad: #a4161a; --good: #1d6b32; --mark: #fff1a8; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: var(--fg); line-height: 1.6; }
body { margin: 0; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid #f0a202; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; top: 0; background: #fff; padding: .5em 1em; z-index: 10; }
.skip:focus { left: 1em; }
header.site { background: #12355b; color: #fff; padding: .6em 1.2em; display: flex; flex-wrap: wrap; gap: .4em 1.5em; align-items: center; }
header.site a { color: #fff; text-decoration: none; }
header.site .brand { font-weight: bold; font-size: 1.15em; }
header.site nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2em 1.2em; }
header.site nav a:hover, header.site nav a[aria-current] { text-decoration: underline; }
main { padding: 1em 1.2em 3em; max-width: 1200px; }
footer.site { border-top: 1px solid var(--line); color: var(--muted); padding: 1em 1.2em; font-size: .9em; }
h1 { font-size: 1.5em; margin: .3em 0 .5em; }
h2 { font-size: 1.2em; margin: 1.6em 0 .5em; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
.crumbs { font-size: .9em; color: var(--muted); margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .3em; }
.crumbs li + li::before { content: "›"; margin-right: .3em; }
.twins { font-size: .9em; color: var(--muted); }
.muted { color: var(--muted); }
.note { background: var(--bg-soft); border-left: 4px solid var(--line); padding: .5em .8em; }
.warn { border-left-color: #d98b00; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: .95em; }
caption { text-align: left; font-weight: bold; padding: .3em 0; }
th, td { border: 1px solid var(--line); padding: .25em .5em; vertical-align: top; }
thead th, th[scope=col] { background: var(--bg-soft); }
th[scope=row] { text-align: left; font-weight: normal; }
td.num, th.num, table.years td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.absent, table.years td.absent { color: var(--muted); background: repeating-linear-gradient(135deg, #fff, #fff 4px, #f0f0f0 4px, #f0f0f0 8px); text-align: center; }
td.changed { background: var(--mark); }
.up { color: var(--bad); } .down { color: var(--good); }
.ok { color: var(--good); } .bad { color: var(--bad); font-weight: bold; }
del { background: #ffd7d5; text-decoration: line-through; } ins { background: #ccf0d4; text-decoration: none; }
.diff-text { font-size: .95em; margin: .4em 0 .8em; }
.diff-text p { white-space: pre-wrap; margin: .15em 0; tab-size: 4; }
.section-text { white-space: pre-wrap; }
.wide { overflow-x: auto; max-width: 100%; }
form.search { display: flex; flex-wrap: wrap; gap: .5em; align-items: end; margin: .5em 0 1em; }
form.search label { display: flex; flex-direction: column; font-size: .9em; }
input[type=search], input[type=text] { font: inherit; padding: .3em .5em; min-width: 18em; }
select, button, input { font: inherit; }
button { padding: .3em 1em; }
.facets { display: flex; flex-wrap: wrap; gap: .5em 2em; font-size: .9em; margin: .5em 0; }
.facets ul { list-style: none; padding: 0; margin: .2em 0; }
.facets h2 { font-size: 1em; border: 0; margin: 0; }
.facets .chosen { font-weight: bold; }
.snippet mark { background: var(--mark); }
.pager { margin: 1em 0; }
.chart { max-width: 100%; height: auto; }
.chart text { font-family: inherit; font-size: 12px; fill: #333; }
.chart .axis line, .chart .axis path { stroke: #888; }
.chart .grid line { stroke: #e3e3e3; }
.legend { display: flex; flex-wrap: wrap; gap: .3em 1.2em; font-size: .9em; list-style: none; padding: 0; }
.swatch { display: inline-block; width: 1em; height: .6em; margin-right: .3em; vertical-align: middle; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.regions { columns: 16em; list-style: none; padding: 0; }
@media print {
  header.site nav, .skip, form, .twins, .pager, footer.site, .no-print { display: none !important; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  table { page-break-inside: auto; } tr { page-break-inside: avoid; }
  td.changed { outline: 2px solid #000; }
  h2 { page-break-after: avoid; }
}
`;
