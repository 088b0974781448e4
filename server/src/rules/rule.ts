// The contract every rule implements. A rule is one exported object: metadata plus a
// pure check over the ModelGraph (no LSP, no ts-morph nodes).
import type { ModelGraph, Span } from '../analysis/modelGraph';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface RuleMeta {
  /** kebab-case id, also the diagnostic `code`. */
  id: string;
  defaultSeverity: Severity;
  /**
   * In ESLint's terms: `problem`, tfjs misbehaves (ignores a setting, drops predictions);
   * `suggestion`, the model would likely generalize better another way.
   */
  type: 'problem' | 'suggestion';
  /** One line: what the rule reports. */
  description: string;
  /** Whether the rule's findings carry at least one fix. */
  fixable: boolean;
}

export interface Finding {
  ruleId: string;
  /** Names the layer, says why, says what would fix it. */
  message: string;
  /** Where the diagnostic points (usually the factory name). */
  span: Span;
  /** The layer the finding is about, as an index into graph.layers. */
  layer?: number;
  /** Other layers involved (e.g. the batch norm after a dropout). */
  relatedLayers?: number[];
}

export interface Rule {
  meta: RuleMeta;
  check(graph: ModelGraph): Finding[];
}
