// Measures the analysis against test/corpus-wild: files in the shapes public tfjs code has
// (script-tag pages, workers, p5 sketches, classes, config-driven builders, multi-file
// projects) with hand-written ground truth. Fails below issue 12's acceptance targets:
// layer recall >= 0.98, unregularized-layer precision >= 0.98 and recall >= 0.95.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/sampleFiles';
import { lintCorpus, type CorpusFileResult } from './corpusLint';

type Verdict = true | false | 'output' | 'n/a' | 'unknown' | 'mixed';

interface ExpectedFile {
  tfjs: boolean;
  layerCalls: { line: number; factory: string; regularized: Verdict }[];
  models: { name: string; line: number; trainable: boolean; needs?: string[]; why?: string }[];
}

export const CORPUS_WILD_DIR = path.join(REPO_ROOT, 'test', 'corpus-wild');

export function loadCorpusWildTruth(): Record<string, ExpectedFile> {
  return JSON.parse(fs.readFileSync(path.join(CORPUS_WILD_DIR, 'expected.json'), 'utf8'));
}

interface Metrics {
  calls: number;
  missed: string[];
  extra: string[];
  truePositives: number;
  falseReports: string[];
  shouldReport: number;
  missedReports: string[];
  modelsFound: number;
  modelsMissed: string[];
}

function measure(truth: Record<string, ExpectedFile>, results: Map<string, CorpusFileResult>): Metrics {
  const m: Metrics = {
    calls: 0, missed: [], extra: [], truePositives: 0, falseReports: [], shouldReport: 0, missedReports: [],
    modelsFound: 0, modelsMissed: [],
  };
  for (const [file, expected] of Object.entries(truth)) {
    const result = results.get(file)!;
    const remaining = [...result.layerCalls];
    for (const call of expected.layerCalls) {
      m.calls++;
      const key = `${call.line}:${call.factory}`;
      const at = remaining.indexOf(key);
      if (at < 0) m.missed.push(`${file}:${key}`);
      else remaining.splice(at, 1);
      const reported = result.reported.has(key);
      if (call.regularized === false) {
        m.shouldReport++;
        if (reported) m.truePositives++;
        else m.missedReports.push(`${file}:${key}`);
      } else if (reported && call.regularized !== 'mixed') {
        m.falseReports.push(`${file}:${key} (truth: ${call.regularized})`);
      }
    }
    m.extra.push(...remaining.map((k) => `${file}:${k}`));
    for (const model of expected.models) {
      if (result.modelLines.includes(model.line)) m.modelsFound++;
      else m.modelsMissed.push(`${file}:${model.line} ${model.name}`);
    }
  }
  return m;
}

function log(mode: string, m: Metrics): void {
  const reports = m.truePositives + m.falseReports.length;
  console.log(`      corpus-wild, ${mode}: ${m.calls} layer calls, ${m.missed.length} missed, ${m.extra.length} extra ` +
    `(layer recall ${ratio(m.calls - m.missed.length, m.calls)}); unregularized precision ${ratio(m.truePositives, reports)} ` +
    `(${m.truePositives}/${reports}), recall ${ratio(m.truePositives, m.shouldReport)} (${m.truePositives}/${m.shouldReport}); ` +
    `models found ${m.modelsFound}/${m.modelsFound + m.modelsMissed.length}`);
}

/** The acceptance targets, for one way of running the analysis. */
function assertTargets(metrics: () => Metrics): void {
  it('finds at least 98% of the layer calls', () => {
    const m = metrics();
    assert.ok((m.calls - m.missed.length) / m.calls >= 0.98, `missed ${m.missed.length}/${m.calls}:\n${m.missed.join('\n')}`);
  });

  it('finds no layer calls that are not there (templates, JSON blocks, a tf of the file\'s own)', () => {
    assert.deepEqual(metrics().extra, []);
  });

  it('unregularized-layer precision of at least 0.98', () => {
    const m = metrics();
    const reports = m.truePositives + m.falseReports.length;
    assert.ok(reports > 0 && m.truePositives / reports >= 0.98, `false reports:\n${m.falseReports.join('\n')}`);
  });

  it('unregularized-layer recall of at least 0.95', () => {
    const m = metrics();
    assert.ok(m.truePositives / m.shouldReport >= 0.95, `not reported:\n${m.missedReports.join('\n')}`);
  });
}

describe('analysis: corpus of real-world shapes (test/corpus-wild)', () => {
  const truth = loadCorpusWildTruth();
  let crossFile: Metrics;
  let singleFile: Metrics;

  before(() => {
    crossFile = measure(truth, lintCorpus(CORPUS_WILD_DIR, Object.keys(truth)));
    singleFile = measure(truth, lintCorpus(CORPUS_WILD_DIR, Object.keys(truth), { crossFile: false }));
    log('as in the editor (imports followed one level)', crossFile);
    log('single-file (the CLI\'s default)', singleFile);
  });

  describe('imports followed one level deep (the editor)', () => {
    assertTargets(() => crossFile);

    it('finds every model the ground truth lists', () => {
      assert.deepEqual(crossFile.modelsMissed, []);
    });
  });

  describe('single-file (the CLI without --cross-file)', () => {
    assertTargets(() => singleFile);
  });
});

function ratio(a: number, b: number): string {
  return b === 0 ? 'n/a' : (a / b).toFixed(3);
}
