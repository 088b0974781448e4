// Every rule reglint runs, in the order of DESIGN.md's table.
import type { Rule } from './rule';
import { denseUnregularized } from './dense-unregularized';
import { convUnregularized } from './conv-unregularized';
import { recurrentUnregularized } from './recurrent-unregularized';
import { regularizerConfigInvalid } from './regularizer-config-invalid';
import { regularizerStrength } from './regularizer-strength';
import { dropoutRateInvalid } from './dropout-rate-invalid';
import { dropoutRateHigh } from './dropout-rate-high';
import { dropoutBeforeBatchnorm } from './dropout-before-batchnorm';
import { biasBeforeBatchnorm } from './bias-before-batchnorm';
import { dropoutAfterOutput } from './dropout-after-output';

export const allRules: Rule[] = [
  denseUnregularized,
  convUnregularized,
  recurrentUnregularized,
  regularizerConfigInvalid,
  regularizerStrength,
  dropoutRateInvalid,
  dropoutRateHigh,
  dropoutBeforeBatchnorm,
  biasBeforeBatchnorm,
  dropoutAfterOutput,
];

const rulesById = new Map(allRules.map((rule) => [rule.meta.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return rulesById.get(id);
}

export type { Finding, Rule, RuleMeta, Severity, SeveritySetting } from './rule';
export { judgeRegularization } from './regularization';
export type { RegularizationStatus, RegularizationVerdict } from './regularization';
