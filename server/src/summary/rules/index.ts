// Factory name -> shape rule. A factory with no rule (convLstm2d, rnn, dot, the
// preprocessing layers, ...) gets 'unknown' shape and params.
import { outcome, type ShapeRule } from '../types';
import { convolutionRules } from './convolution';
import { coreRules } from './core';
import { elementwiseRules } from './elementwise';
import { embeddingRules } from './embedding';
import { mergeRules } from './merge';
import { normalizationRules } from './normalization';
import { poolingRules } from './pooling';
import { recurrentRules } from './recurrent';
import { spatialRules } from './spatial';
import { wrapperRules } from './wrappers';

/** An input layer outputs the shape it declares; the walk hands that in as its input. */
const inputLayer: ShapeRule = ({ input }) => outcome(input, 0);

const RULES: Record<string, ShapeRule> = {
  ...coreRules,
  ...elementwiseRules,
  ...convolutionRules,
  ...poolingRules,
  ...spatialRules,
  ...normalizationRules,
  ...embeddingRules,
  ...recurrentRules,
  ...wrapperRules,
  ...mergeRules,
  inputLayer,
};

export function shapeRuleFor(factory: string): ShapeRule | undefined {
  return Object.hasOwn(RULES, factory) ? RULES[factory] : undefined;
}

/** Layers that take a list of tensors. */
export const MERGE_FACTORIES: ReadonlySet<string> = new Set(Object.keys(mergeRules));
