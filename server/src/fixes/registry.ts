// Which remedies each rule offers, best first: the first that applies is the preferred fix.
import type { ModelGraph } from '../analysis/modelGraph';
import { UNUSED_DIRECTIVE_RULE_ID } from '../lint/suppressions';
import type { Finding } from '../rules/rule';
import { addL2Regularizer } from './addL2Regularizer';
import { disableBias } from './disableBias';
import { FixContext, UnparsableForFixes } from './fixContext';
import { insertBatchNormalization } from './insertBatchNormalization';
import { insertDropout } from './insertDropout';
import { moveDropoutAfterNorm } from './moveDropoutAfterNorm';
import type { Remedy } from './remedy';
import { removeDropout } from './removeDropout';
import { removeUnusedDirective } from './removeUnusedDirective';
import { rewriteRegularizer } from './rewriteRegularizer';
import { setRecurrentDropout } from './setRecurrentDropout';
import { editsConflict, sameEdit } from './textEdits';
import { resolveFixSettings, type Fix, type FixSettings, type TextEdit } from './types';

/** Remedies that add a layer after the one found, at the code that adds it here. */
const INSERTING_REMEDIES: ReadonlySet<Remedy> = new Set([insertDropout, insertBatchNormalization]);

function remediesFor(ruleId: string, settings: FixSettings): Remedy[] {
  switch (ruleId) {
    case 'dense-unregularized': return [insertDropout, addL2Regularizer];
    case 'conv-unregularized':
      return settings.convRemedy === 'l2' ? [addL2Regularizer, insertBatchNormalization] : [insertBatchNormalization, addL2Regularizer];
    case 'recurrent-unregularized': return [setRecurrentDropout, addL2Regularizer];
    case 'regularizer-config-invalid': return [rewriteRegularizer];
    case 'dropout-before-batchnorm': return [moveDropoutAfterNorm];
    case 'dropout-after-output': return [removeDropout];
    case 'bias-before-batchnorm': return [disableBias];
    case UNUSED_DIRECTIVE_RULE_ID: return [removeUnusedDirective];
    default: return [];
  }
}

/** The fix settings that a rule's remedies read (for the ESLint plugin's rule options). */
export function fixSettingsReadBy(ruleId: string): (keyof FixSettings)[] {
  switch (ruleId) {
    case 'dense-unregularized': return ['denseDropoutRate', 'l2'];
    case 'conv-unregularized': return ['convRemedy', 'l2'];
    case 'recurrent-unregularized': return ['recurrentDropout', 'l2'];
    case 'regularizer-config-invalid': return ['l2'];
    default: return [];
  }
}

/** How many remedies a rule has (a finding gets those that apply to its code). */
export function remedyCount(ruleId: string): number {
  return remediesFor(ruleId, resolveFixSettings()).length;
}

/**
 * The fixes for one finding (from `lintText` over the same text and graph), the preferred
 * one first. Empty when the rule has no remedy or no remedy is well defined here.
 */
export function fixesFor(text: string, graph: ModelGraph, finding: Finding, settings: Partial<FixSettings> = {}): Fix[] {
  return fixesInContext(contextFor(text, graph, resolveFixSettings(settings)), finding);
}

export function fixesInContext(ctx: FixContext, finding: Finding): Fix[] {
  const fixes: Fix[] = [];
  try {
    for (const fix of proposedFixes(ctx, finding)) fixes.push(withPreferred(fix, fixes.length === 0));
  } catch (error) {
    if (error instanceof UnparsableForFixes) return [];
    throw error;
  }
  return fixes;
}

/** The preferred fix alone (the first of `fixesInContext`), without building the others. */
export function preferredFixInContext(ctx: FixContext, finding: Finding): Fix | undefined {
  try {
    for (const fix of proposedFixes(ctx, finding)) return withPreferred(fix, true);
  } catch (error) {
    if (error instanceof UnparsableForFixes) return undefined;
    throw error;
  }
  return undefined;
}

export function preferredFixFor(text: string, graph: ModelGraph, finding: Finding, settings: Partial<FixSettings> = {}): Fix | undefined {
  return preferredFixInContext(contextFor(text, graph, resolveFixSettings(settings)), finding);
}

/** The remedies' well-formed fixes in order, built one at a time as they are asked for. */
function* proposedFixes(ctx: FixContext, finding: Finding): Generator<Omit<Fix, 'isPreferred'>> {
  // A layer built in another file: only a layer inserted here after it (its config is there).
  const external = finding.layer !== undefined && ctx.graph.layers[finding.layer]?.origin !== undefined;
  for (const remedy of remediesFor(finding.ruleId, ctx.settings)) {
    if (external && !INSERTING_REMEDIES.has(remedy)) continue;
    const proposed = remedy(ctx, finding);
    const edits = proposed && normalizeEdits(proposed.edits, ctx.text.length);
    if (!proposed || !edits) continue;
    yield { title: proposed.title, ruleId: finding.ruleId, edits };
  }
}

function withPreferred({ title, ruleId, edits }: Omit<Fix, 'isPreferred'>, isPreferred: boolean): Fix {
  return { title, ruleId, isPreferred, edits };
}

/** Sorted, duplicates merged; undefined when edits overlap or leave the text. */
function normalizeEdits(edits: TextEdit[], length: number): TextEdit[] | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const result: TextEdit[] = [];
  for (const edit of sorted) {
    if (edit.start < 0 || edit.end > length || edit.end < edit.start) return undefined;
    if (result.some((e) => sameEdit(e, edit))) continue;
    if (result.some((e) => editsConflict(e, edit))) return undefined;
    result.push(edit);
  }
  return result.length > 0 ? result : undefined;
}

// Code actions ask for one finding at a time; the parsed tree is worth keeping per graph.
const contexts = new WeakMap<ModelGraph, FixContext>();

function contextFor(text: string, graph: ModelGraph, settings: FixSettings): FixContext {
  const cached = contexts.get(graph);
  if (cached && cached.text === text && JSON.stringify(cached.settings) === JSON.stringify(settings)) return cached;
  const ctx = new FixContext(text, graph, settings);
  contexts.set(graph, ctx);
  return ctx;
}
