// Inferred output shapes and parameter counts against tfjs's own, for every reference
// model: the source text goes through the analyzer, the same specs build a tfjs model.
import * as assert from 'node:assert/strict';
import { analyzeText, type ModelGraph } from '../../server/src/analysis';
import { summarizeModel, type ModelSummary } from '../../server/src/summary';
import { functionalModels, layerKindModels, wholeModels } from './referenceModels';
import { sourceOf } from './referenceSource';
import type { FunctionalSpec, ModelSpec } from './referenceSpec';
import { buildWithTfjs, useCpuBackend, type TfjsModelFacts } from './referenceTfjs';
import { withProposedInputFields } from './proposedFields';

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

  describe('functional models, with the proposed tf.input and apply-argument fields', () => {
    for (const spec of functionalModels) {
      it(spec.name, () => assertMatches(summaryOf(spec, (g) => withProposedInputFields(g, spec)), buildWithTfjs(spec), true));
    }
  });

  describe('functional models, with the graph as it is today', () => {
    for (const spec of functionalModels) {
      it(`${spec.name}: nothing claimed that tfjs contradicts`, () => {
        assertNeverWrong(summaryOf(spec), buildWithTfjs(spec), spec);
      });
    }
  });
});

/** Today tf.input shapes are not in the graph: rows may be unknown, never wrong. */
function assertNeverWrong(summary: ModelSummary, tfjs: TfjsModelFacts, spec: FunctionalSpec): void {
  assert.equal(summary.layers.length, spec.nodes.length);
  for (const row of summary.layers) {
    const truth = tfjs.layers.find((l) => l.name === row.name)!;
    if (row.outputShape !== 'unknown') {
      const shape = truth.outputShape as Array<number | null>;
      assert.equal(row.outputShape.length, shape.length, `${row.name} rank`);
      row.outputShape.forEach((d, i) => assert.ok(d === 'unknown' || d === shape[i], `${row.name} dim ${i}`));
    }
    if (row.params !== 'unknown') assert.equal(row.params, truth.params, `${row.name} params`);
  }
  if (summary.totalParams !== 'unknown') assert.equal(summary.totalParams, tfjs.totalParams);
}
