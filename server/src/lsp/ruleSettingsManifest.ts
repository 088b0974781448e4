// How a rule appears in VS Code's settings UI (package.json contributes.configuration).
// Shared by scripts/syncRuleSettings.mjs, which writes package.json, and the test that
// checks package.json is in sync with the rules.
import type { RuleMeta } from '../rules/rule';

export const RULE_SETTING_PREFIX = 'reglint.rules.';

export interface RuleSettingProperty {
  type: 'string';
  enum: string[];
  enumDescriptions: string[];
  default: string;
  scope: 'resource';
  markdownDescription: string;
}

export function ruleSettingProperty(meta: RuleMeta, docUrl: string): RuleSettingProperty {
  return {
    type: 'string',
    enum: ['off', 'hint', 'info', 'warning', 'error'],
    enumDescriptions: [
      'Do not run this rule.',
      'Show as a hint (faint dots under the code, not listed in Problems).',
      'Show as information.',
      'Show as a warning.',
      'Show as an error.',
    ],
    default: meta.defaultSeverity,
    scope: 'resource',
    markdownDescription: `${meta.description} [Rule documentation](${docUrl}).`,
  };
}
