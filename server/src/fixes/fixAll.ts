// Fix-all (`source.fixAll.reglint`, `reglint --fix`): the preferred fix of every finding,
// applied in one pass without overlapping edits; findings whose fix collides with one
// already taken wait for the next pass, over the re-linted text, until nothing changes.
import { lintText, type LintMessage, type LintOptions, type LintResult } from '../lint/lintText';
import { UNUSED_DIRECTIVE_RULE_ID } from '../lint/suppressions';
import { FixContext } from './fixContext';
import { preferredFixInContext } from './registry';
import { applyEdits, editsConflict, sameEdit } from './textEdits';
import { resolveFixSettings, type FixSettings, type TextEdit } from './types';

export const MAX_FIX_PASSES = 10;

export interface FixAllResult {
  /** The fixed text (the input itself when nothing applied). */
  output: string;
  /** How many fixes were applied over all passes. */
  appliedCount: number;
  /** The findings left in `output`. */
  remaining: LintMessage[];
}

interface PassPlan {
  edits: TextEdit[];
  applied: number;
  /** Findings that had a preferred fix, whether or not it fit in this pass. */
  fixable: number;
}

/**
 * `initial`, when given, must be `lintText(text, fileName, lintOptions)`: a caller that has
 * just linted the text passes its result rather than having it linted again.
 */
export function fixAll(
  text: string, fileName: string, lintOptions: LintOptions = {}, fixSettings: Partial<FixSettings> = {},
  initial?: LintResult,
): FixAllResult {
  const settings = resolveFixSettings(fixSettings);
  let current = text;
  let result = initial ?? lintText(current, fileName, lintOptions);
  // Like `eslint --fix`, leave a file that does not parse alone: edits could make it worse.
  if (result.graph.parseProblems.length > 0 || result.graph.fatal) {
    return { output: text, appliedCount: 0, remaining: result.messages };
  }
  let appliedCount = 0;
  let before: { text: string; messages: LintMessage[]; fixable: number; applied: number } | undefined;
  for (let pass = 0; pass <= MAX_FIX_PASSES; pass++) {
    const plan = planPass(new FixContext(current, result.graph, settings), result.messages);
    // Safety net: every pass must leave fewer fixable findings, or a fix did not do what it
    // promised; undo that pass so fix-all stays idempotent instead of growing the file.
    if (before && plan.fixable >= before.fixable) {
      current = before.text;
      appliedCount -= before.applied;
      return { output: current, appliedCount, remaining: before.messages };
    }
    if (plan.applied === 0 || pass === MAX_FIX_PASSES) break;
    before = { text: current, messages: result.messages, fixable: plan.fixable, applied: plan.applied };
    current = applyEdits(current, plan.edits);
    appliedCount += plan.applied;
    result = lintText(current, fileName, lintOptions);
  }
  return { output: current, appliedCount, remaining: result.messages };
}

function planPass(ctx: FixContext, messages: LintMessage[]): PassPlan {
  const plan: PassPlan = { edits: [], applied: 0, fixable: 0 };
  for (const message of messages) {
    // Stale directives are reported, not deleted on save: the user may be mid-edit.
    if (message.ruleId === UNUSED_DIRECTIVE_RULE_ID) continue;
    const preferred = preferredFixInContext(ctx, message);
    if (!preferred) continue;
    plan.fixable++;
    // An edit identical to one already taken (the same import specifier) is shared.
    const fresh = preferred.edits.filter((edit) => !plan.edits.some((taken) => sameEdit(taken, edit)));
    if (fresh.some((edit) => plan.edits.some((taken) => editsConflict(taken, edit)))) continue;
    plan.edits.push(...fresh);
    plan.applied++;
  }
  return plan;
}
