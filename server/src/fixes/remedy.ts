// The shape of one remedy: a finding in, a titled set of edits out, or undefined when the
// remedy's edit is not well defined for this code. The registry (./index.ts) decides which
// remedies a rule offers and which of them is preferred.
import type { Finding } from '../rules/rule';
import type { FixContext } from './fixContext';
import type { TextEdit } from './types';

export interface ProposedFix {
  title: string;
  edits: TextEdit[];
}

export type Remedy = (ctx: FixContext, finding: Finding) => ProposedFix | undefined;
