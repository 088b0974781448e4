// A reglint rule as an ESLint rule. Its meta is the rule's own (type, description, whether it
// fixes), its docs URL the one every host uses (docs/docLinks.ts), its options the fix
// settings its remedies read, validated by the same JSON schema as `.reglintrc.json`'s `fix`.
// It reports the findings of the file's one shared analysis (./sharedLint.ts): the preferred
// fix as `fix`, the other remedies as suggestions.
import type { Rule } from 'eslint';
import reglintrcSchema from '../../../schemas/reglintrc.schema.json';
import { ruleDocUrl } from '../docs/docLinks';
import { fixSettingsReadBy, remedyCount } from '../fixes/registry';
import type { Fix, FixSettings } from '../fixes/types';
import type { RuleMeta } from '../rules/rule';
import { fileLintFor } from './sharedLint';

const FIX_SETTING_SCHEMAS: Record<keyof FixSettings, Record<string, unknown>> = reglintrcSchema.properties.fix.properties;

/** The options schema: one object of the fix settings the rule's remedies read, or none. */
function optionsSchema(ruleId: string): Rule.RuleMetaData['schema'] {
  const keys = fixSettingsReadBy(ruleId);
  if (keys.length === 0) return [];
  return [{
    type: 'object',
    properties: Object.fromEntries(keys.map((key) => [key, asDraft04(FIX_SETTING_SCHEMAS[key])])),
    additionalProperties: false,
  }];
}

/**
 * ESLint checks option schemas against JSON Schema draft-04, where an exclusive bound is
 * `minimum` plus `exclusiveMinimum: true`; `.reglintrc.json`'s schema writes the later
 * drafts' `exclusiveMinimum: <number>`.
 */
function asDraft04(schema: Record<string, unknown>): Record<string, unknown> {
  const converted = { ...schema };
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof converted[exclusive] === 'number') {
      converted[bound] = converted[exclusive];
      converted[exclusive] = true;
    }
  }
  return converted;
}

export function eslintRule(meta: RuleMeta): Rule.RuleModule {
  return {
    meta: {
      type: meta.type,
      docs: { description: meta.description, url: ruleDocUrl(meta.id), recommended: true },
      ...(meta.fixable ? { fixable: 'code' as const } : {}),
      // Without a preferred fix (unused-disable-directive) every remedy is a suggestion.
      hasSuggestions: remedyCount(meta.id) > (meta.fixable ? 1 : 0),
      schema: optionsSchema(meta.id),
      messages: {
        finding: '{{message}}',
        fix: '{{title}}',
      },
    },
    create(context) {
      const settings = (context.options[0] ?? {}) as Partial<FixSettings>;
      const { sourceCode } = context;
      return {
        Program() {
          const file = fileLintFor(sourceCode, context.filename);
          for (const message of file.messagesOf(meta.id)) {
            const fixes = file.fixesFor(message, settings);
            const preferred = meta.fixable ? fixes[0] : undefined;
            const others = meta.fixable ? fixes.slice(1) : fixes;
            context.report({
              loc: { start: sourceCode.getLocFromIndex(message.span.start), end: sourceCode.getLocFromIndex(message.span.end) },
              messageId: 'finding',
              data: { message: message.message },
              ...(preferred ? { fix: applying(preferred) } : {}),
              ...(others.length > 0 ? { suggest: others.map((fix) => ({ messageId: 'fix', data: { title: fix.title }, fix: applying(fix) })) } : {}),
            });
          }
        },
      };
    },
  };
}

function applying(fix: Fix): Rule.ReportFixer {
  return (fixer) => fix.edits.map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.newText));
}
