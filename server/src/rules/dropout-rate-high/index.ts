// dropout-rate-high: a drop probability above 0.5. Srivastava et al. (2014) found rates
// around 0.5 best for hidden units and about 0.2 for inputs; much higher rates throw away
// most of the signal in every step and the network underfits (or needs far more units).
import type { Finding, Rule } from '../rule';
import { configValueSpan, knownNumber } from '../config';
import { describeLayer } from '../describeLayer';
import { dropoutRateKeys } from '../layerFacts';

const ID = 'dropout-rate-high';
export const HIGH_RATE = 0.5;

export const dropoutRateHigh: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'hint',
    type: 'suggestion',
    description: `Dropout rate above ${HIGH_RATE}: most activations are dropped and the model tends to underfit.`,
    fixable: false,
  },
  check(graph) {
    const findings: Finding[] = [];
    for (const layer of graph.layers) {
      for (const { key } of dropoutRateKeys(layer.factory)) {
        const rate = knownNumber(layer, key);
        // Rates of 1 and above are dropout-rate-invalid's.
        if (rate === undefined || !(rate > HIGH_RATE && rate < 1)) continue;
        const percent = Math.round(rate * 100);
        findings.push({
          ruleId: ID,
          message:
            `The ${describeLayer(graph, layer, { omitSize: key === 'rate' })} drops ${percent}% of ${droppedWhat(key)} in training (${key} ${rate}): ` +
            `above ${HIGH_RATE}, the network usually underfits. Srivastava et al. (2014) found about 0.5 best for ` +
            `hidden units and 0.2 for inputs. Lower the ${key} to ${HIGH_RATE} or less.`,
          span: configValueSpan(layer, key),
          layer: layer.index,
        });
      }
    }
    return findings;
  },
};

/** recurrentDropout drops the carried state, the others the layer's inputs. */
function droppedWhat(key: string): string {
  return key === 'recurrentDropout' ? 'its recurrent state' : 'its inputs';
}
