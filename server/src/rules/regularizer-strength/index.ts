// regularizer-strength: an l1/l2 factor that cannot be what was meant. A factor of 0 turns
// the penalty off, a negative one rewards large weights, and above 0.1 the penalty
// outweighs the data loss for typical layer sizes so the weights collapse toward zero.
// Weight decay works at small factors (Krogh & Hertz 1992); 1e-5 to 1e-3 is the usual range.
import type { RegularizerValue } from '../../analysis/modelGraph';
import { UNKNOWN } from '../../analysis/modelGraph';
import type { Finding, Rule } from '../rule';
import { isConfigObject, isRegularizerValue, readObjectKey, regularizerProps } from '../config';
import { describeLayer } from '../describeLayer';
import { DEFAULT_REGULARIZER_FACTOR, REGULARIZER_FACTOR_KEYS } from '../layerFacts';
import { SUGGESTED_L2 } from '../suggestedCode';

const ID = 'regularizer-strength';
export const MAX_FACTOR = 0.1;

export const regularizerStrength: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'warning',
    type: 'problem',
    description: `l1/l2 regularization factor that is 0 or negative (no or inverted penalty) or above ${MAX_FACTOR} (underfitting).`,
    fixable: false,
  },
  check(graph) {
    const findings: Finding[] = [];
    const reported = new Set<number>(); // a shared const regularizer is reported once
    for (const layer of graph.layers) {
      for (const { key, value } of regularizerProps(layer)) {
        if (!isRegularizerValue(value) || reported.has(value.span.start)) continue;
        const problem = strengthProblem(value);
        if (!problem) continue;
        reported.add(value.span.start);
        findings.push({
          ruleId: ID,
          message: `The ${key} of ${describeLayer(graph, layer)}: ${problem}`,
          span: value.span,
          layer: layer.index,
        });
      }
    }
    return findings;
  },
};

/** The factors tfjs will use: given numbers, else the default 0.01; undefined when not known. */
function effectiveFactors(reg: RegularizerValue): Record<string, number> | undefined {
  const keys = REGULARIZER_FACTOR_KEYS[reg.factory];
  if (!keys) return undefined;
  // String identifiers ('l1l2') and argument-less calls use the defaults.
  if (reg.form === 'string' || reg.arg === undefined || reg.arg === null) {
    return Object.fromEntries(keys.map((k) => [k, DEFAULT_REGULARIZER_FACTOR]));
  }
  if (reg.arg === UNKNOWN || !isConfigObject(reg.arg)) return undefined; // a bare number is regularizer-config-invalid's
  const factors: Record<string, number> = {};
  for (const k of keys) {
    const entry = readObjectKey(reg.arg, k);
    if (entry.state === 'unknown') return undefined;
    if (entry.state === 'absent') factors[k] = DEFAULT_REGULARIZER_FACTOR;
    else if (typeof entry.value === 'number') factors[k] = entry.value;
    else return undefined; // a non-number factor is regularizer-config-invalid's
  }
  return factors;
}

function strengthProblem(reg: RegularizerValue): string | undefined {
  const factors = effectiveFactors(reg);
  if (!factors) return undefined;
  const entries = Object.entries(factors);
  const negative = entries.find(([, v]) => v < 0);
  if (negative) {
    return (
      `${negative[0]} factor ${negative[1]} is negative, so the penalty rewards large weights instead of shrinking them. ` +
      `Use a small positive factor such as ${SUGGESTED_L2}.`
    );
  }
  const nonFinite = entries.find(([, v]) => !Number.isFinite(v));
  if (nonFinite) return `${nonFinite[0]} factor ${nonFinite[1]} is not a finite number. Use a small positive factor such as ${SUGGESTED_L2}.`;
  const tooStrong = entries.find(([, v]) => v > MAX_FACTOR);
  if (tooStrong) {
    return (
      `${tooStrong[0]} factor ${tooStrong[1]} is above ${MAX_FACTOR}: the penalty outweighs the data loss and drives the weights ` +
      `toward zero, so the model underfits. Weight decay works at small factors (Krogh & Hertz 1992); try ${SUGGESTED_L2} (usual range 1e-5 to 1e-3).`
    );
  }
  // l1l2 with one factor 0 is just the other penalty; only all-zero factors switch it off.
  if (entries.every(([, v]) => v === 0)) {
    const which = entries.map(([k]) => k).join(' and ');
    return (
      `the ${which} factor${entries.length > 1 ? 's are' : ' is'} 0, so the regularizer adds no penalty and the layer is not regularized by it. ` +
      `Use a small positive factor such as ${SUGGESTED_L2}, or remove the regularizer.`
    );
  }
  return undefined;
}
