// Where reglint's documentation pages are, and the one URL scheme every host links them by.
// The pages ship in the npm package and in the vsix at the same paths as in the repository
// (package.json `files`, which vsce follows too), so a page is named by its path alone: the
// CLI, SARIF, ESLint's `docs.url` and LSP clients get `<docs base URL><path>`; the VS Code
// extension opens the shipped file itself (client/src/ruleDocs.ts).
import { version } from '../../../package.json';
import { UNUSED_DIRECTIVE_RULE_ID } from '../lint/suppressions';
import { allRules } from '../rules';

/** Environment variable that replaces the base URL (a mirror, a fork's site). */
export const DOCS_BASE_URL_ENV = 'REGLINT_DOCS_BASE_URL';

/**
 * This version's package on jsDelivr, which serves every file of every published npm
 * package at an immutable, versioned URL: the link shows the page of the release the user
 * runs, even an old one, and needs no site of its own.
 */
export const DEFAULT_DOCS_BASE_URL = `https://cdn.jsdelivr.net/npm/reglint@${version}/`;

/** The page about directives and `unused-disable-directive`, which is no rule of rules/. */
export const DISABLE_DIRECTIVES_DOC = 'docs/disable-directives.md';
export const TRAINING_DOC = 'docs/training.md';

/** The base URL in effect: `REGLINT_DOCS_BASE_URL` when it is an absolute URL, else the default. */
export function docsBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const given = env[DOCS_BASE_URL_ENV]?.trim();
  if (!given || docsBaseUrlProblem(env)) return DEFAULT_DOCS_BASE_URL;
  return given.endsWith('/') ? given : `${given}/`;
}

/** Why `REGLINT_DOCS_BASE_URL` is ignored, when it is set to something unusable. */
export function docsBaseUrlProblem(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env[DOCS_BASE_URL_ENV]?.trim();
  if (!given) return undefined;
  try {
    new URL(given);
    return undefined;
  } catch {
    return `${DOCS_BASE_URL_ENV}=${JSON.stringify(given)} is not an absolute URL; using ${DEFAULT_DOCS_BASE_URL}`;
  }
}

/** A rule's page (or the directives page for `unused-disable-directive`), relative to the package root. */
export function ruleDocPath(ruleId: string): string {
  return ruleId === UNUSED_DIRECTIVE_RULE_ID ? DISABLE_DIRECTIVES_DOC : `server/src/rules/${ruleId}/README.md`;
}

export function docUrl(docPath: string, env?: NodeJS.ProcessEnv): string {
  return docsBaseUrl(env) + docPath;
}

export function ruleDocUrl(ruleId: string, env?: NodeJS.ProcessEnv): string {
  return docUrl(ruleDocPath(ruleId), env);
}

/** Every page a link may name: each must ship in the package and the vsix (test/package). */
export function linkedDocPaths(): string[] {
  return [...allRules.map((rule) => ruleDocPath(rule.meta.id)), ruleDocPath(UNUSED_DIRECTIVE_RULE_ID), TRAINING_DOC];
}
