// Measures the analysis against test/corpus-wild: files in the shapes public tfjs code has
// (script-tag pages, workers, p5 sketches, classes, config-driven builders, multi-file
// projects) with hand-written ground truth. Fails below issue 12's acceptance targets:
// layer recall >= 0.98, unregularized-layer precision >= 0.98 and recall >= 0.95.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/sampleFiles';
import { lintCorpusFile, type CorpusFileResult } from './corpusLint';

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

describe('analysis: corpus of real-world shapes (test/corpus-wild)', () => {
  const truth = loadCorpusWildTruth();
  const results = new Map<string, CorpusFileResult>();
  let calls = 0;
  const missed: string[] = [];
  const extra: string[] = [];
  const falseReports: string[] = [];
  const missedReports: string[] = [];
  let truePositives = 0;
  let shouldReport = 0;
  let modelsFound = 0;
  const modelsMissed: string[] = [];

  before(() => {
    for (const file of Object.keys(truth)) results.set(file, lintCorpusFile(CORPUS_WILD_DIR, file));
    for (const [file, expected] of Object.entries(truth)) {
      const result = results.get(file)!;
      const remaining = [...result.layerCalls];
      for (const call of expected.layerCalls) {
        calls++;
        const key = `${call.line}:${call.factory}`;
        const at = remaining.indexOf(key);
        if (at < 0) missed.push(`${file}:${key}`);
        else remaining.splice(at, 1);
        const reported = result.reported.has(key);
        if (call.regularized === false) {
          shouldReport++;
          if (reported) truePositives++;
          else missedReports.push(`${file}:${key}`);
        } else if (reported && call.regularized !== 'mixed') {
          falseReports.push(`${file}:${key} (truth: ${call.regularized})`);
        }
      }
      extra.push(...remaining.map((k) => `${file}:${k}`));
      for (const model of expected.models) {
        if (result.modelLines.includes(model.line)) modelsFound++;
        else modelsMissed.push(`${file}:${model.line} ${model.name}`);
      }
    }
    const reports = truePositives + falseReports.length;
    console.log(`      corpus-wild: ${Object.keys(truth).length} files, ${calls} layer calls, ${missed.length} missed, ${extra.length} extra; ` +
      `layer recall ${ratio(calls - missed.length, calls)}`);
    console.log(`      corpus-wild: unregularized precision ${ratio(truePositives, reports)} (${truePositives}/${reports}), ` +
      `recall ${ratio(truePositives, shouldReport)} (${truePositives}/${shouldReport})`);
    console.log(`      corpus-wild: models found ${modelsFound}/${modelsFound + modelsMissed.length}`);
  });

  it('finds at least 98% of the layer calls', () => {
    assert.ok((calls - missed.length) / calls >= 0.98, `missed ${missed.length}/${calls}:\n${missed.join('\n')}`);
  });

  it('finds no layer calls that are not there (templates, JSON blocks, a tf of the file\'s own)', () => {
    assert.deepEqual(extra, []);
  });

  it('unregularized-layer precision of at least 0.98', () => {
    const reports = truePositives + falseReports.length;
    assert.ok(reports > 0 && truePositives / reports >= 0.98, `false reports:\n${falseReports.join('\n')}`);
  });

  it('unregularized-layer recall of at least 0.95', () => {
    assert.ok(truePositives / shouldReport >= 0.95, `not reported:\n${missedReports.join('\n')}`);
  });

  it('finds every model the ground truth lists', () => {
    assert.deepEqual(modelsMissed, []);
  });
});

function ratio(a: number, b: number): string {
  return b === 0 ? 'n/a' : (a / b).toFixed(3);
}
