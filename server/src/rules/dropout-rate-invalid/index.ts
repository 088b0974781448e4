// dropout-rate-invalid: a drop probability that is not a number in [0, 1). tfjs does not
// reject it: it clamps the rate into [0, 1] and applies dropout only when 0 < rate < 1, so
// rate 1 (or 1.5, or -0.2) silently turns the layer into a no-op, and a missing rate
// becomes NaN, which never drops anything either.
import type { Finding, Rule } from '../rule';
import { configValueSpan, readConfig } from '../config';
import { describeLayer } from '../describeLayer';
import { dropoutRateKeys } from '../layerFacts';

const ID = 'dropout-rate-invalid';

export const dropoutRateInvalid: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    type: 'problem',
    description: 'Dropout rate that is missing or not a number in [0, 1): tfjs silently disables the dropout.',
    fixable: false,
  },
  check(graph) {
    const findings: Finding[] = [];
    for (const layer of graph.layers) {
      for (const { key, required } of dropoutRateKeys(layer.factory)) {
        const entry = readConfig(layer, key);
        if (entry.state === 'unknown') continue;
        let problem: string | undefined;
        if (entry.state === 'absent') {
          if (required && layer.config === 'absent') {
            problem =
              `no config: tfjs reads args.${key} and throws "Cannot read properties of undefined". ` +
              `Give it a ${key} such as {${key}: 0.5}.`;
          } else if (required) {
            problem = `no ${key}: tfjs then computes a NaN rate and the layer never drops anything. Give it a ${key} such as 0.5.`;
          }
        } else if (typeof entry.value !== 'number') {
          problem = `${key} ${JSON.stringify(entry.value)} is not a number. Write a number in [0, 1), such as 0.5.`;
        } else if (!(entry.value >= 0 && entry.value < 1)) {
          problem = `${key} ${entry.value} is outside [0, 1): ${clampEffect(entry.value)} Use a value in [0, 1), such as 0.5.`;
        }
        if (problem === undefined) continue;
        const span = configValueSpan(layer, key);
        findings.push({ ruleId: ID, message: `The ${describeLayer(graph, layer, { omitSize: key === 'rate' })}: ${problem}`, span, layer: layer.index });
      }
    }
    return findings;
  },
};

/** What tfjs turns an out-of-range rate into. */
function clampEffect(rate: number): string {
  if (Number.isNaN(rate)) return 'tfjs never drops with a NaN rate.';
  if (rate >= 1) return 'tfjs clamps it to 1 and applies dropout only when 0 < rate < 1, so nothing is dropped.';
  return 'tfjs clamps it to 0, so nothing is dropped.';
}
