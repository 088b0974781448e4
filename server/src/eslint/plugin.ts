// `reglint/eslint-plugin`: reglint's rules for ESLint 9 (flat config), bundled as
// dist/eslint-plugin.js. Every rule is a thin shell over the one analysis (./eslintRule.ts,
// ./sharedLint.ts); `configs.recommended` uses the rules' own default severities,
// `configs.strict` makes every rule an error.
import type { ESLint, Linter, Rule } from 'eslint';
import { version } from '../../../package.json';
import { UNUSED_DIRECTIVE_META } from '../lint/suppressions';
import { allRules } from '../rules';
import type { RuleMeta, Severity } from '../rules/rule';
import { eslintRule } from './eslintRule';

const PLUGIN_NAMESPACE = 'reglint';

/** The rules ESLint runs: reglint's rules and the report of unused `reglint-disable` comments. */
const metas: RuleMeta[] = [...allRules.map((rule) => rule.meta), UNUSED_DIRECTIVE_META];

/** ESLint has two severities: reglint's info and hint are warnings, as in `reglint --format json`. */
const ESLINT_SEVERITY: Record<Severity, Linter.StringSeverity> = { error: 'error', warning: 'warn', info: 'warn', hint: 'warn' };

const rules: Record<string, Rule.RuleModule> = Object.fromEntries(metas.map((meta) => [meta.id, eslintRule(meta)]));

function config(name: string, severity: (meta: RuleMeta) => Linter.StringSeverity): Linter.Config {
  return {
    name: `${PLUGIN_NAMESPACE}/${name}`,
    plugins: { [PLUGIN_NAMESPACE]: plugin },
    rules: Object.fromEntries(metas.map((meta) => [`${PLUGIN_NAMESPACE}/${meta.id}`, severity(meta)])),
  };
}

const plugin: ESLint.Plugin & { configs: { recommended: Linter.Config; strict: Linter.Config } } = {
  meta: { name: 'reglint', version, namespace: PLUGIN_NAMESPACE },
  rules,
  configs: {} as { recommended: Linter.Config; strict: Linter.Config },
};
plugin.configs.recommended = config('recommended', (meta) => ESLINT_SEVERITY[meta.defaultSeverity]);
plugin.configs.strict = config('strict', () => 'error');

export = plugin;
