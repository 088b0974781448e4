// Assumptions and dropped keys as one line each, for every place a report is read: the
// CLI's text output, the editor's diagnostics and its training log.
import type { AssumedValue, Assumption, DroppedKey } from './modelSpec';

const SOURCE: Record<Assumption['source'], string> = { default: 'default', data: 'from the data', setting: 'from the setting', user: 'given', code: 'from the code' };

/** `dense_2.units = 32 (default, line 14): `hidden` is not known without running the code` */
export function assumptionLine(a: Assumption): string {
  return `${a.layer}.${a.key} = ${valueText(a.value)} (${SOURCE[a.source]}${a.line ? `, line ${a.line}` : ''}): ${a.why}`;
}

/** `dense_1.kernelInitializer (`init`, line 3) left out: ...` */
export function droppedLine(d: DroppedKey): string {
  return `${d.layer}.${d.key}${d.expression ? ` (\`${d.expression}\`${d.line ? `, line ${d.line}` : ''})` : ''} left out: ${d.why}`;
}

/** One sentence for a diagnostic: how many values were assumed and which. */
export function assumptionSummary(assumptions: readonly Assumption[] | undefined): string | undefined {
  const list = (assumptions ?? []).filter((a) => a.source !== 'user' && a.source !== 'code');
  if (list.length === 0) return undefined;
  const shown = list.slice(0, 6).map((a) => `${a.layer}.${a.key} = ${valueText(a.value)}`).join(', ');
  return `built with ${list.length} assumed value${list.length === 1 ? '' : 's'} the code does not fix: ${shown}${list.length > 6 ? ', …' : ''}`;
}

export function valueText(v: AssumedValue): string {
  if (v === null) return 'none';
  if (Array.isArray(v)) return `[${v.map(valueText).join(', ')}]`;
  return String(v);
}
