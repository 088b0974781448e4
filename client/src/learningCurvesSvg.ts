// The learning-curves view as plain HTML with an inline SVG chart drawn here (no chart
// library, no script): train and validation loss per epoch, before (solid) and after
// (dashed) the what-if. Pure functions of the report, so they are tested without VS Code.

export interface CurveSeries {
  name: string;
  values: number[];
  color: string;
  dashed?: boolean;
}

export interface ChartOptions {
  width?: number;
  height?: number;
  title?: string;
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

/** One line chart, loss against epoch (1-based), as an <svg> element. */
export function lineChartSvg(series: CurveSeries[], opts: ChartOptions = {}): string {
  const width = opts.width ?? 640, height = opts.height ?? 360;
  const finite = series.flatMap(s => s.values.filter(Number.isFinite));
  const epochs = Math.max(1, ...series.map(s => s.values.length));
  const title = opts.title ? `<text x="${width / 2}" y="18" text-anchor="middle" font-size="14" fill="currentColor">${escapeHtml(opts.title)}</text>` : '';
  if (finite.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${title}` +
      `<text x="${width / 2}" y="${height / 2}" text-anchor="middle" fill="currentColor">no finite losses to plot</text></svg>`;
  }
  let lo = Math.min(0, ...finite), hi = Math.max(...finite);
  if (hi === lo) hi = lo + 1;
  hi *= 1.05;
  const plotW = width - PAD.left - PAD.right, plotH = height - PAD.top - PAD.bottom;
  const x = (epoch: number) => PAD.left + (epochs === 1 ? plotW / 2 : ((epoch - 1) / (epochs - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const f = (n: number) => n.toFixed(1);
  const parts: string[] = [title];
  for (const t of ticks(lo, hi)) {
    parts.push(`<line x1="${PAD.left}" x2="${width - PAD.right}" y1="${f(y(t))}" y2="${f(y(t))}" stroke="currentColor" stroke-opacity="0.15"/>`,
      `<text x="${PAD.left - 6}" y="${f(y(t) + 4)}" text-anchor="end" font-size="11" fill="currentColor">${t}</text>`);
  }
  for (const e of ticks(1, epochs, Math.min(epochs - 1, 12)).filter(Number.isInteger)) {
    parts.push(`<text x="${f(x(e))}" y="${height - PAD.bottom + 16}" text-anchor="middle" font-size="11" fill="currentColor">${e}</text>`);
  }
  parts.push(
    `<line x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${PAD.top + plotH}" stroke="currentColor" stroke-opacity="0.5"/>`,
    `<line x1="${PAD.left}" x2="${width - PAD.right}" y1="${PAD.top + plotH}" y2="${PAD.top + plotH}" stroke="currentColor" stroke-opacity="0.5"/>`,
    `<text x="${PAD.left + plotW / 2}" y="${height - 6}" text-anchor="middle" font-size="12" fill="currentColor">epoch</text>`,
    `<text transform="translate(14 ${PAD.top + plotH / 2}) rotate(-90)" text-anchor="middle" font-size="12" fill="currentColor">loss</text>`,
  );
  series.forEach((s, i) => {
    // Break the line at non-finite values rather than draw through them.
    const segments: string[][] = [[]];
    s.values.forEach((v, j) => {
      if (Number.isFinite(v)) segments[segments.length - 1]!.push(`${f(x(j + 1))},${f(y(v))}`);
      else if (segments[segments.length - 1]!.length) segments.push([]);
    });
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    for (const seg of segments.filter(g => g.length)) {
      parts.push(seg.length === 1
        ? `<circle cx="${seg[0]!.split(',')[0]}" cy="${seg[0]!.split(',')[1]}" r="3" fill="${s.color}"/>`
        : `<polyline fill="none" stroke="${s.color}" stroke-width="2"${dash} points="${seg.join(' ')}"><title>${escapeHtml(s.name)}</title></polyline>`);
    }
    const ly = PAD.top + 6 + i * 16, lx = width - PAD.right - 170;
    parts.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/>`,
      `<text x="${lx + 30}" y="${ly + 4}" font-size="11" fill="currentColor">${escapeHtml(s.name)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(opts.title ?? 'learning curves')}" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

/** The parts of a sanity-train report the view reads (the server's TrainReport). */
export interface CurvesReport {
  model: string;
  built: string;
  reason?: string;
  seed?: number;
  checks: { id: string; verdict: string; message: string; curves?: { train: number[]; val: number[] } }[];
  whatIfChanges?: { description: string }[];
  data?: { file: string; rows: number };
}

const TRAIN = '#3b82f6';
const VAL = '#f97316';

/** The whole webview document. No script at all; styles only through the nonce. */
export function learningCurvesHtml(report: CurvesReport, opts: { cspSource: string; nonce: string; fileLabel?: string }): string {
  const gap = report.checks.find(c => c.id === 'generalization-gap');
  const whatIf = report.checks.find(c => c.id === 'what-if');
  const series: CurveSeries[] = [];
  if (gap?.curves) series.push({ name: 'train (as written)', values: gap.curves.train, color: TRAIN }, { name: 'validation (as written)', values: gap.curves.val, color: VAL });
  if (whatIf?.curves) series.push({ name: 'train (what-if)', values: whatIf.curves.train, color: TRAIN, dashed: true }, { name: 'validation (what-if)', values: whatIf.curves.val, color: VAL, dashed: true });
  const chart = series.length
    ? lineChartSvg(series, { title: `${report.model}: data loss per epoch` })
    : `<p>No learning curves in this run${report.reason ? `: ${escapeHtml(report.reason)}` : ''}.</p>`;
  const rows = report.checks.map(c =>
    `<tr><td class="v ${escapeHtml(c.verdict)}">${escapeHtml(c.verdict)}</td><td>${escapeHtml(c.id)}</td><td>${escapeHtml(c.message)}</td></tr>`).join('');
  const changes = report.whatIfChanges?.length
    ? `<p>What-if: ${report.whatIfChanges.map(c => escapeHtml(c.description)).join(', ')} (dashed).</p>` : '';
  const data = report.data ? `, data ${escapeHtml(report.data.file.split(/[\\/]/).pop() ?? '')} (${report.data.rows} rows)` : ', synthetic data';
  const csp = `default-src 'none'; img-src ${opts.cspSource} data:; style-src 'nonce-${opts.nonce}'; script-src 'none'; font-src ${opts.cspSource};`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Learning curves: ${escapeHtml(report.model)}</title>
<style nonce="${opts.nonce}">
body { color: var(--vscode-foreground); font-family: var(--vscode-font-family); padding: 0 16px; }
svg { color: var(--vscode-foreground); max-width: 100%; height: auto; }
table { border-collapse: collapse; margin-top: 12px; }
td { padding: 3px 8px; vertical-align: top; border-bottom: 1px solid var(--vscode-panel-border); }
.v { font-weight: bold; text-transform: uppercase; }
.warn { color: var(--vscode-editorWarning-foreground); } .fail { color: var(--vscode-editorError-foreground); }
.pass { color: var(--vscode-testing-iconPassed); } .skipped { opacity: 0.7; }
</style></head>
<body>
<h2>${escapeHtml(report.model)}${opts.fileLabel ? ` <small>${escapeHtml(opts.fileLabel)}</small>` : ''}</h2>
<p>Built ${escapeHtml(report.built)}${report.seed !== undefined ? `, seed ${report.seed}` : ''}${data}. Solid: the model as written; dashed: with the what-if.</p>
${chart}
${changes}
<table>${rows}</table>
</body></html>`;
}
