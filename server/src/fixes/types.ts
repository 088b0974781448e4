// The data a fix is made of. Plain offsets, no LSP types: the language server turns a Fix
// into a CodeAction/WorkspaceEdit, the CLI applies it to the file text.

/** Replace text[start, end) with newText (start === end: an insertion). UTF-16 offsets. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** What the fix does, as shown in the editor's light bulb. */
  title: string;
  /** The rule whose finding the fix addresses. */
  ruleId: string;
  /** The one fix applied by "fix all" and `reglint --fix` for this finding. */
  isPreferred: boolean;
  /** Non-overlapping edits, to be applied together. */
  edits: TextEdit[];
  /** For regularization fixes: which one (what the sanity-train's what-if measures under the same name). */
  remedy?: RegularizationFix;
}

/** The regularization quick fixes, by the names the sanity-train's what-if uses. */
export type RegularizationFix = 'dropout' | 'l2' | 'batchNormalization' | 'rnnDropout';

/** `reglint.fix.*` settings (package.json contributes them; the defaults are DESIGN.md §3's). */
export interface FixSettings {
  /** L2 factor for added regularizers. */
  l2: number;
  /** Rate of a dropout layer inserted after a dense layer. */
  denseDropoutRate: number;
  /** dropout and recurrentDropout set on recurrent layers. */
  recurrentDropout: number;
  /** The preferred remedy for an unregularized conv layer. */
  convRemedy: 'batchNormalization' | 'l2';
}

export const DEFAULT_FIX_SETTINGS: Readonly<FixSettings> = {
  l2: 1e-4,
  denseDropoutRate: 0.5,
  recurrentDropout: 0.2,
  convRemedy: 'batchNormalization',
};

/**
 * Settings from the user, with anything unusable replaced by its default: a fix must never
 * write a value another rule reports (an L2 factor of 0, a dropout rate of 1).
 */
export function resolveFixSettings(given: Partial<FixSettings> = {}): FixSettings {
  const inRange = (v: unknown, ok: (n: number) => boolean, fallback: number): number =>
    typeof v === 'number' && Number.isFinite(v) && ok(v) ? v : fallback;
  return {
    l2: inRange(given.l2, (n) => n > 0 && n <= 0.1, DEFAULT_FIX_SETTINGS.l2),
    denseDropoutRate: inRange(given.denseDropoutRate, (n) => n > 0 && n < 1, DEFAULT_FIX_SETTINGS.denseDropoutRate),
    recurrentDropout: inRange(given.recurrentDropout, (n) => n > 0 && n < 1, DEFAULT_FIX_SETTINGS.recurrentDropout),
    convRemedy: given.convRemedy === 'l2' ? 'l2' : 'batchNormalization',
  };
}
