// dead-relu: ReLU layers most of whose units never fire on validation inputs after
// training. Counted per unit (channel for convs): 70-80% zero outputs is normal sparsity
// for a healthy convnet here, so the share of zero outputs is reported, not judged.
import { RECIPE } from '../recipe';
import { pct, type CheckResult, type Runs } from './types';

export function evaluateDeadRelu(runs: Runs): CheckResult {
  const id = 'dead-relu';
  const layers = runs.baseline?.deadRelu;
  if (!layers) return { id, verdict: 'skipped', message: 'not measured (no completed baseline run)', metrics: {} };
  if (layers.length === 0) return { id, verdict: 'pass', message: 'no hidden ReLU layers', metrics: {} };
  const metrics: CheckResult['metrics'] = {};
  for (const l of layers) {
    metrics[`${l.label}.zeroFraction`] = l.zeroFraction;
    metrics[`${l.label}.deadUnits`] = l.deadUnits;
  }
  const bad = layers.filter((l) => l.deadUnits >= RECIPE.deadReluUnits);
  if (bad.length === 0) {
    const worst = layers.reduce((a, b) => (b.deadUnits > a.deadUnits ? b : a));
    return {
      id, verdict: 'pass', metrics,
      message: `ReLU layers are alive: at most ${pct(worst.deadUnits)} of units never active (in ${worst.label})`,
    };
  }
  return {
    id, verdict: 'warn', metrics,
    related: bad.map((l) => ({ label: l.label, message: `${pct(l.zeroFraction)} of outputs <= 0, ${pct(l.deadUnits)} of units never active` })),
    message: `dead ReLU units: ${bad.map((l) => `${pct(l.deadUnits)} of ${l.label}'s units never active (${pct(l.zeroFraction)} of outputs <= 0)`).join('; ')}`,
  };
}
