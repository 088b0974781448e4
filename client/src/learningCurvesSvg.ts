// The learning-curves view as plain HTML with inline SVG charts drawn here (no chart
// library, no script): validation loss against epochs for every seed as a band (lowest to
// highest seed) around the median, the median training loss, a marker at the epoch where
// validation loss was lowest, chance and the linear model as reference lines; then each
// remedy the what-if measured, side by side, over the model as written. Pure functions of
// the report, so they are tested without VS Code.
// The server's report type, erased at build time (the client never loads server code).
import type { SeedCurve } from '../../server/src/training/runner';

export interface Point {
  x: number;
  y: number;
}

export interface CurveSeries {
  name: string;
  points: Point[];
  color: string;
  dashed?: boolean;
  /** Stroke width (default 2). */
  width?: number;
}

/** A shaded area between two curves (the seeds' spread). */
export interface Band {
  name: string;
  lower: Point[];
  upper: Point[];
  color: string;
}

export interface ChartOptions {
  width?: number;
  height?: number;
  title?: string;
  bands?: Band[];
  /** Vertical markers (x in epochs). */
  markers?: { x: number; label: string }[];
  /** Horizontal reference lines. */
  references?: { y: number; label: string }[];
}

const PAD = { left: 56, right: 16, top: 28, bottom: 40 };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** "Nice" tick values covering [lo, hi]. */
export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  // The candidate step whose tick count is closest to `count`.
  const step = [1, 2, 2.5, 5, 10].map(m => m * mag).reduce((best, s) =>
    Math.abs((hi - lo) / s - count) < Math.abs((hi - lo) / best - count) ? s : best);
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(+v.toPrecision(12));
  return out;
}

/** One line chart, loss against epoch, as an <svg> element. */
export function lineChartSvg(series: CurveSeries[], opts: ChartOptions = {}): string {
  const width = opts.width ?? 640, height = opts.height ?? 360;
  const bands = opts.bands ?? [];
  const all = [...series.flatMap(s => s.points), ...bands.flatMap(b => [...b.lower, ...b.upper])].filter(p => Number.isFinite(p.y) && Number.isFinite(p.x));
  const title = opts.title ? `<text x="${width / 2}" y="18" text-anchor="middle" font-size="14" fill="currentColor">${escapeHtml(opts.title)}</text>` : '';
  if (all.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${title}` +
      `<text x="${width / 2}" y="${height / 2}" text-anchor="middle" fill="currentColor">no finite losses to plot</text></svg>`;
  }
  const refs = (opts.references ?? []).filter(r => Number.isFinite(r.y));
  let lo = Math.min(0, ...all.map(p => p.y)), hi = Math.max(...all.map(p => p.y));
  // Reference lines far above the curves (chance for a model that learns a lot) would squash them: only those near.
  const shown = refs.filter(r => r.y <= hi * 1.6);
  hi = Math.max(hi, ...shown.map(r => r.y));
  if (hi === lo) hi = lo + 1;
  hi *= 1.05;
  const x0 = Math.min(...all.map(p => p.x)), x1 = Math.max(x0 + 1e-9, ...all.map(p => p.x));
  const plotW = width - PAD.left - PAD.right, plotH = height - PAD.top - PAD.bottom;
  const x = (e: number) => PAD.left + (x1 === x0 ? plotW / 2 : ((e - x0) / (x1 - x0)) * plotW);
  const y = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const f = (n: number) => n.toFixed(1);
  const parts: string[] = [title];
  for (const t of ticks(lo, hi)) {
    parts.push(`<line x1="${PAD.left}" x2="${width - PAD.right}" y1="${f(y(t))}" y2="${f(y(t))}" stroke="currentColor" stroke-opacity="0.15"/>`,
      `<text x="${PAD.left - 6}" y="${f(y(t) + 4)}" text-anchor="end" font-size="11" fill="currentColor">${t}</text>`);
  }
  for (const e of ticks(x0, x1, 8)) {
    parts.push(`<text x="${f(x(e))}" y="${height - PAD.bottom + 16}" text-anchor="middle" font-size="11" fill="currentColor">${e}</text>`);
  }
  parts.push(
    `<line x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${PAD.top + plotH}" stroke="currentColor" stroke-opacity="0.5"/>`,
    `<line x1="${PAD.left}" x2="${width - PAD.right}" y1="${PAD.top + plotH}" y2="${PAD.top + plotH}" stroke="currentColor" stroke-opacity="0.5"/>`,
    `<text x="${PAD.left + plotW / 2}" y="${height - 6}" text-anchor="middle" font-size="12" fill="currentColor">epoch</text>`,
    `<text transform="translate(14 ${PAD.top + plotH / 2}) rotate(-90)" text-anchor="middle" font-size="12" fill="currentColor">loss</text>`,
  );
  for (const b of bands) {
    const ok = (p: Point) => Number.isFinite(p.x) && Number.isFinite(p.y);
    const pts = [...b.lower.filter(ok), ...[...b.upper.filter(ok)].reverse()].map(p => `${f(x(p.x))},${f(y(p.y))}`);
    if (pts.length >= 3) parts.push(`<polygon class="band" points="${pts.join(' ')}" fill="${b.color}" fill-opacity="0.18" stroke="none"><title>${escapeHtml(b.name)}</title></polygon>`);
  }
  for (const r of shown) {
    parts.push(`<line class="reference" x1="${PAD.left}" x2="${width - PAD.right}" y1="${f(y(r.y))}" y2="${f(y(r.y))}" stroke="currentColor" stroke-opacity="0.6" stroke-dasharray="2 3"/>`,
      `<text x="${PAD.left + 4}" y="${f(y(r.y) - 3)}" font-size="10" fill="currentColor">${escapeHtml(r.label)}</text>`);
  }
  for (const m of opts.markers ?? []) {
    if (!Number.isFinite(m.x)) continue;
    parts.push(`<line class="marker" x1="${f(x(m.x))}" x2="${f(x(m.x))}" y1="${PAD.top}" y2="${PAD.top + plotH}" stroke="currentColor" stroke-opacity="0.7" stroke-dasharray="4 3"/>`,
      `<text x="${f(x(m.x) + 4)}" y="${PAD.top + 12}" font-size="10" fill="currentColor">${escapeHtml(m.label)}</text>`);
  }
  series.forEach((s, i) => {
    // Break the line at non-finite values rather than draw through them.
    const segments: string[][] = [[]];
    for (const p of s.points) {
      if (Number.isFinite(p.y) && Number.isFinite(p.x)) segments[segments.length - 1]!.push(`${f(x(p.x))},${f(y(p.y))}`);
      else if (segments[segments.length - 1]!.length) segments.push([]);
    }
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    for (const seg of segments.filter(g => g.length)) {
      parts.push(seg.length === 1
        ? `<circle cx="${seg[0]!.split(',')[0]}" cy="${seg[0]!.split(',')[1]}" r="3" fill="${s.color}"/>`
        : `<polyline fill="none" stroke="${s.color}" stroke-width="${s.width ?? 2}"${dash} points="${seg.join(' ')}"><title>${escapeHtml(s.name)}</title></polyline>`);
    }
    const ly = PAD.top + 6 + i * 16, lx = width - PAD.right - 190;
    parts.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/>`,
      `<text x="${lx + 30}" y="${ly + 4}" font-size="11" fill="currentColor">${escapeHtml(s.name)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(opts.title ?? 'learning curves')}" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

/** One seed's curves as the server reports them (report.curves). */
export type { SeedCurve };

/** The parts of a sanity-train report the view reads (the server's TrainReport). */
export interface CurvesReport {
  model: string;
  built: string;
  reason?: string;
  seed?: number;
  seeds?: number;
  checks: {
    id: string; verdict: string; outcome?: string; message: string; metrics?: Record<string, unknown>;
    remedies?: { id: string; description: string; valLossChange: number; valLossChangeSd: number; claim: string; rank?: number; notMeasured?: string }[];
  }[];
  curves?: {
    baseline: SeedCurve[];
    remedies: { id: string; description: string; seeds: SeedCurve[] }[];
    chance: number;
    linear?: number;
  };
  whatIfChanges?: { description: string }[];
  data?: { file: string; rows: number };
}

const TRAIN = '#3b82f6';
const VAL = '#f97316';
const REMEDY = '#10b981';
const GREY = '#9ca3af';

/** Per evaluation index: the seeds' lowest, median and highest value, at the seeds' mean epoch. */
export function seedBand(curves: SeedCurve[], pick: (c: SeedCurve) => number[]): { lower: Point[]; median: Point[]; upper: Point[] } {
  const n = Math.max(0, ...curves.map(c => pick(c).length));
  const lower: Point[] = [], median: Point[] = [], upper: Point[] = [];
  for (let i = 0; i < n; i++) {
    const at = curves.filter(c => i < pick(c).length && Number.isFinite(pick(c)[i]));
    if (at.length === 0) continue;
    const xs = at.map(c => c.steps[i]! / c.stepsPerEpoch);
    const ys = at.map(c => pick(c)[i]!).sort((a, b) => a - b);
    const xm = xs.reduce((a, b) => a + b, 0) / xs.length;
    lower.push({ x: xm, y: ys[0]! });
    upper.push({ x: xm, y: ys[ys.length - 1]! });
    median.push({ x: xm, y: ys.length % 2 ? ys[(ys.length - 1) / 2]! : (ys[ys.length / 2 - 1]! + ys[ys.length / 2]!) / 2 });
  }
  return { lower, median, upper };
}

const pct = (x: number) => `${x < 0 ? '−' : '+'}${Math.round(Math.abs(100 * x))}%`;

/** The whole webview document. No script at all; styles only through the nonce. */
export function learningCurvesHtml(report: CurvesReport, opts: { cspSource: string; nonce: string; fileLabel?: string }): string {
  const gap = report.checks.find(c => c.id === 'generalization-gap');
  const whatIf = report.checks.find(c => c.id === 'what-if');
  const curves = report.curves;
  const n = curves?.baseline.length ?? 0;
  let chart = `<p>No learning curves in this run${report.reason ? `: ${escapeHtml(report.reason)}` : ''}.</p>`;
  const charts: string[] = [];
  if (curves && n > 0) {
    const val = seedBand(curves.baseline, c => c.val), train = seedBand(curves.baseline, c => c.train);
    const bestEpoch = typeof gap?.metrics?.bestEpoch === 'number' ? gap.metrics.bestEpoch : undefined;
    const references = [{ y: curves.chance, label: 'chance' }, ...(curves.linear !== undefined ? [{ y: curves.linear, label: 'linear model' }] : [])];
    chart = lineChartSvg([
      { name: n > 1 ? `validation (median of ${n} seeds)` : 'validation', points: val.median, color: VAL },
      { name: n > 1 ? 'train (median)' : 'train', points: train.median, color: TRAIN, width: 1.5 },
    ], {
      title: `${report.model} as written: data loss`,
      bands: n > 1 ? [{ name: `validation, lowest to highest of ${n} seeds`, lower: val.lower, upper: val.upper, color: VAL }] : [],
      markers: bestEpoch !== undefined ? [{ x: bestEpoch, label: `lowest validation loss (epoch ${bestEpoch})` }] : [],
      references,
    });
    const effects = new Map((whatIf?.remedies ?? []).map(e => [e.id, e]));
    const ranked = [...curves.remedies].sort((a, b) => (effects.get(a.id)?.rank ?? 99) - (effects.get(b.id)?.rank ?? 99));
    for (const r of ranked) {
      const band = seedBand(r.seeds, c => c.val);
      const e = effects.get(r.id);
      const label = e ? `${e.rank ? `#${e.rank} ` : ''}${r.description}: val ${pct(e.valLossChange)} ± ${Math.round(100 * e.valLossChangeSd)}%` : r.description;
      charts.push(lineChartSvg([
        { name: 'as written (median)', points: val.median, color: GREY, width: 1.5 },
        { name: 'with the remedy (median)', points: band.median, color: REMEDY },
      ], { width: 420, height: 260, title: label, bands: r.seeds.length > 1 ? [{ name: 'with the remedy, seeds', lower: band.lower, upper: band.upper, color: REMEDY }] : [], references }));
    }
  }
  const rows = report.checks.map(c =>
    `<tr><td class="v ${escapeHtml(c.verdict)}">${escapeHtml(c.verdict)}</td><td>${escapeHtml(c.id)}${c.outcome ? ` <small>(${escapeHtml(c.outcome)})</small>` : ''}</td><td>${escapeHtml(c.message)}</td></tr>`).join('');
  const remedyRows = (whatIf?.remedies ?? []).map(e =>
    `<tr><td>${e.rank ?? '–'}</td><td>${escapeHtml(e.description)}</td><td>${e.notMeasured ? `not measured: ${escapeHtml(e.notMeasured)}` : `${pct(e.valLossChange)} ± ${Math.round(100 * e.valLossChangeSd)}%`}</td><td>${e.notMeasured ? '' : escapeHtml(e.claim)}</td></tr>`).join('');
  const data = report.data ? `, data ${escapeHtml(report.data.file.split(/[\\/]/).pop() ?? '')} (${report.data.rows} rows)` : ', synthetic data (no overfitting verdict without your data)';
  const csp = `default-src 'none'; img-src ${opts.cspSource} data:; style-src 'nonce-${opts.nonce}'; script-src 'none'; font-src ${opts.cspSource};`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Learning curves: ${escapeHtml(report.model)}</title>
<style nonce="${opts.nonce}">
body { color: var(--vscode-foreground); font-family: var(--vscode-font-family); padding: 0 16px; }
svg { color: var(--vscode-foreground); max-width: 100%; height: auto; }
.remedies { display: flex; flex-wrap: wrap; gap: 12px; }
.remedies svg { flex: 1 1 380px; max-width: 480px; }
table { border-collapse: collapse; margin-top: 12px; }
td { padding: 3px 8px; vertical-align: top; border-bottom: 1px solid var(--vscode-panel-border); }
.v { font-weight: bold; text-transform: uppercase; }
.warn { color: var(--vscode-editorWarning-foreground); } .fail { color: var(--vscode-editorError-foreground); }
.pass { color: var(--vscode-testing-iconPassed); } .skipped, .inconclusive { opacity: 0.75; }
</style></head>
<body>
<h2>${escapeHtml(report.model)}${opts.fileLabel ? ` <small>${escapeHtml(opts.fileLabel)}</small>` : ''}</h2>
<p>Built ${escapeHtml(report.built)}${report.seed !== undefined ? `, seed ${report.seed}` : ''}${n > 1 ? ` and ${n - 1} more, each on its own validation split (the band spans them)` : ''}${data}.</p>
${chart}
${charts.length ? `<h3>What-if: the quick fixes, measured (best first)</h3>\n<div class="remedies">${charts.join('\n')}</div>` : ''}
${remedyRows ? `<table><tr><th>rank</th><th>remedy</th><th>final validation loss</th><th>claim</th></tr>${remedyRows}</table>` : ''}
<table>${rows}</table>
</body></html>`;
}
