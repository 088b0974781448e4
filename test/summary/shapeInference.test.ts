// Inferred output shapes and parameter counts against tfjs's own, for every reference
// model: the source text goes through the analyzer, the same specs build a tfjs model.
import * as assert from 'node:assert/strict';
import { analyzeText, type ModelGraph } from '../../server/src/analysis';
import { summarizeModel, type ModelSummary } from '../../server/src/summary';
import { functionalModels, layerKindModels, wholeModels } from './referenceModels';
import { sourceOf } from './referenceSource';
import type { ModelSpec } from './referenceSpec';
import { buildWithTfjs, useCpuBackend, type TfjsModelFacts } from './referenceTfjs';

function summaryOf(spec: ModelSpec, enrich?: (graph: ModelGraph) => void): ModelSummary {
  const graph = analyzeText(sourceOf(spec), 'model.ts');
  assert.equal(graph.fatal, undefined);
  assert.equal(graph.models.length, 1, 'one model in the source');
  enrich?.(graph);
  return summarizeModel(graph, 0);
}

/** Every row, and the totals, exactly as tfjs reports them. */
function assertMatches(summary: ModelSummary, tfjs: TfjsModelFacts, byName: boolean): void {
  assert.equal(summary.layers.length, tfjs.layers.length, 'layer count');
  summary.layers.forEach((row, i) => {
    const truth = byName ? tfjs.layers.find((l) => l.name === row.name) : tfjs.layers[i];
    assert.ok(truth, `tfjs layer for ${row.name}`);
    const where = `${row.name} (${truth.className})`;
    assert.deepEqual(row.outputShape, truth.outputShape, `${where} output shape`);
    assert.equal(row.params, truth.params, `${where} params`);
    assert.equal(row.nonTrainableParams, truth.nonTrainableParams, `${where} non-trainable params`);
  });
  assert.equal(summary.totalParams, tfjs.totalParams, 'total params');
  assert.equal(summary.nonTrainableParams, tfjs.nonTrainableParams, 'non-trainable params');
  assert.equal(summary.trainableParams, tfjs.totalParams - tfjs.nonTrainableParams, 'trainable params');
}

describe('summary: shapes and params match tfjs', () => {
  before(useCpuBackend);

  describe('one model per layer kind', () => {
    for (const spec of layerKindModels) {
      it(spec.name, () => assertMatches(summaryOf(spec), buildWithTfjs(spec), false));
    }
  });

  describe('whole models', () => {
    for (const spec of wholeModels) {
      it(spec.name, () => assertMatches(summaryOf(spec), buildWithTfjs(spec), false));
    }
  });

  describe('functional models (tf.input shapes and apply arguments from the analyzer)', () => {
    for (const spec of functionalModels) {
      it(spec.name, () => assertMatches(summaryOf(spec), buildWithTfjs(spec), true));
    }
  });
});

