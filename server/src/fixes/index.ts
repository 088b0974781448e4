// Findings -> text edits. Pure functions over text and the ModelGraph, no LSP types: the
// language server turns these into code actions, the CLI into `--fix` writes.
export { fixesFor, preferredFixFor } from './registry';
export { fixAll, MAX_FIX_PASSES, type FixAllResult } from './fixAll';
export { applyEdits } from './textEdits';
export { suppressionFix } from './suppressionFix';
export { DEFAULT_FIX_SETTINGS, resolveFixSettings, type Fix, type FixSettings, type TextEdit } from './types';
