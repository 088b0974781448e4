// The regularization judgement on hand-built graphs, so its rules (branches, unknowns,
// wrappers) are pinned down independently of what the analysis extracts from code.
import * as assert from 'node:assert/strict';
import type { ConfigObject, ConfigValue, LayerKind, LayerNode, ModelGraph } from '../analysis/modelGraph';
import { UNKNOWN } from '../analysis/modelGraph';
import { judgeRegularization } from './regularization';

const KIND: Record<string, LayerKind> = {
  dense: 'dense', conv2d: 'conv', separableConv2d: 'conv', depthwiseConv2d: 'conv', lstm: 'recurrent',
  dropout: 'dropout', gaussianNoise: 'dropout', batchNormalization: 'normalization',
  bidirectional: 'wrapper', flatten: 'other', activation: 'other', concatenate: 'merge',
};

interface Spec {
  factory: string;
  config?: Record<string, ConfigValue> | typeof UNKNOWN;
  incomplete?: boolean;
  next?: number[] | typeof UNKNOWN;
  isOutput?: boolean | typeof UNKNOWN;
  wrappedBy?: number;
}

/** A graph of one model whose layers are `specs`, indexed in order; `next` defaults to the following layer. */
function graphOf(specs: Spec[]): ModelGraph {
  const layers: LayerNode[] = specs.map((spec, index) => {
    const config: ConfigObject | typeof UNKNOWN =
      spec.config === UNKNOWN ? UNKNOWN : { kind: 'object', props: spec.config ?? {}, complete: !spec.incomplete };
    const next = spec.next ?? (index + 1 < specs.length ? [index + 1] : []);
    return {
      index, factory: spec.factory, kind: KIND[spec.factory] ?? 'other',
      span: { start: 0, end: 0 }, nameSpan: { start: 0, end: 0 }, calleeSpan: { start: 0, end: 0 },
      calleePrefix: 'tf.layers.', config, configProps: {}, model: 0, next, prev: UNKNOWN,
      isOutput: spec.isOutput ?? (spec.wrappedBy === undefined && Array.isArray(next) && next.length === 0),
      wrappedBy: spec.wrappedBy ?? null, inner: null,
    };
  });
  return {
    fileName: 'test.ts',
    tfjs: { modules: ['@tensorflow/tfjs'], namespaces: ['tf'], layersNamespaces: [], layerFactories: {}, regularizersNamespaces: [], regularizerFactories: {} },
    models: [{ index: 0, name: 'model', style: 'functional', span: { start: 0, end: 0 }, layers: layers.map((l) => l.index), complete: true }],
    layers,
    inputs: [],
    parseProblems: [],
    dataSources: [],
  };
}

const l2 = { kind: 'regularizer', factory: 'l2', form: 'call', arg: undefined, span: { start: 0, end: 0 } } as const;

function statusOf(specs: Spec[], index = 0): string {
  const graph = graphOf(specs);
  return judgeRegularization(graph, graph.layers[index]).status;
}

describe('judgeRegularization', () => {
  it('a weight regularizer the layer reads makes it regularized', () => {
    assert.equal(statusOf([{ factory: 'dense', config: { kernelRegularizer: l2 } }, { factory: 'dense' }]), 'regularized');
    assert.equal(statusOf([{ factory: 'separableConv2d', config: { pointwiseRegularizer: l2 } }, { factory: 'dense' }]), 'regularized');
  });

  it('a key the layer ignores does not count', () => {
    assert.equal(statusOf([{ factory: 'depthwiseConv2d', config: { kernelRegularizer: l2 } }, { factory: 'dense' }]), 'unregularized');
    assert.equal(statusOf([{ factory: 'lstm', config: { activityRegularizer: l2 } }, { factory: 'dense' }]), 'unregularized');
  });

  it('dropout or batch norm before the next weighted layer, through weightless layers', () => {
    assert.equal(statusOf([{ factory: 'dense' }, { factory: 'activation' }, { factory: 'dropout', config: { rate: 0.5 } }, { factory: 'dense' }]), 'regularized');
    assert.equal(statusOf([{ factory: 'conv2d' }, { factory: 'batchNormalization' }, { factory: 'flatten' }, { factory: 'dense' }]), 'regularized');
  });

  it('a dropout after the next weighted layer is too late', () => {
    assert.equal(statusOf([{ factory: 'dense' }, { factory: 'dense' }, { factory: 'dropout', config: { rate: 0.5 } }, { factory: 'dense' }]), 'unregularized');
  });

  it('a dropout with rate 0 is walked through and remembered', () => {
    const graph = graphOf([{ factory: 'dense' }, { factory: 'dropout', config: { rate: 0 } }, { factory: 'dense' }]);
    const verdict = judgeRegularization(graph, graph.layers[0]);
    assert.equal(verdict.status, 'unregularized');
    assert.deepEqual(verdict.inertFollowers, [1]);
  });

  it('recurrent layers: own dropout above 0', () => {
    assert.equal(statusOf([{ factory: 'lstm', config: { recurrentDropout: 0.1 } }, { factory: 'dense' }]), 'regularized');
    assert.equal(statusOf([{ factory: 'lstm', config: { dropout: 0 } }, { factory: 'dense' }]), 'unregularized');
    assert.equal(statusOf([{ factory: 'lstm', config: { dropout: UNKNOWN } }, { factory: 'dense' }]), 'unknown');
  });

  it('branches: every path, no path, some paths', () => {
    // 0 dense -> [1 dropout -> 3 dense, 2 dense]; 3 and 2 -> 4 concatenate -> 5 dense
    const branches = (firstIsDropout: boolean, secondIsDropout: boolean): Spec[] => [
      { factory: 'dense', next: [1, 2] },
      { factory: firstIsDropout ? 'dropout' : 'dense', config: { rate: 0.5 }, next: [4] },
      { factory: secondIsDropout ? 'dropout' : 'dense', config: { rate: 0.5 }, next: [4] },
      { factory: 'dense', next: [4] },
      { factory: 'concatenate', next: [5] },
      { factory: 'dense' },
    ];
    assert.equal(statusOf(branches(true, true)), 'regularized');
    assert.equal(statusOf(branches(false, false)), 'unregularized');
    assert.equal(statusOf(branches(true, false)), 'unknown');
  });

  it('unknown successors, unknown output flag: unknown', () => {
    assert.equal(statusOf([{ factory: 'dense', next: UNKNOWN, isOutput: false }]), 'unknown');
    assert.equal(statusOf([{ factory: 'dense', isOutput: UNKNOWN }, { factory: 'dense' }]), 'unknown');
    assert.equal(statusOf([{ factory: 'dense' }, { factory: 'flatten', next: [], isOutput: UNKNOWN }]), 'unknown');
  });

  it('unknown or incomplete config: unknown, never unregularized', () => {
    assert.equal(statusOf([{ factory: 'dense', config: UNKNOWN }, { factory: 'dense' }]), 'unknown');
    assert.equal(statusOf([{ factory: 'dense', config: { units: 8 }, incomplete: true }, { factory: 'dense' }]), 'unknown');
    assert.equal(statusOf([{ factory: 'dense', config: { kernelRegularizer: UNKNOWN } }, { factory: 'dense' }]), 'unknown');
  });

  it('the output layer, or only weightless layers up to it: output', () => {
    assert.equal(statusOf([{ factory: 'dense' }]), 'output');
    assert.equal(statusOf([{ factory: 'dense' }, { factory: 'activation' }]), 'output');
  });

  it('a wrapped layer is judged by its wrapper\'s successors', () => {
    const wrapped = (after: string): Spec[] => [
      { factory: 'bidirectional', next: [2] },
      { factory: 'lstm', wrappedBy: 0, next: UNKNOWN, isOutput: UNKNOWN },
      { factory: after, config: { rate: 0.5 } },
      { factory: 'dense' },
    ];
    assert.equal(statusOf(wrapped('dropout'), 1), 'regularized');
    assert.equal(statusOf(wrapped('dense'), 1), 'unregularized');
  });
});
