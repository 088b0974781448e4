// What the server gets for `workspace/configuration` of the `reglint` section.
//
// VS Code answers with every setting, defaults included: `reglint.rules.<id>` would always
// arrive with the rule's default and override the project's `.reglintrc.json` (settings
// merge as defaults < .reglintrc.json < editor settings). So for `rules`, `fix` and the
// `train` keys a config file sets too (budgetSeconds, seed, inputShape) the client sends
// only what the user set (user, workspace or folder settings, also language-specific ones);
// every other setting goes as VS Code gives it.
import { Uri, workspace, type WorkspaceConfiguration } from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

const EXPLICIT_ONLY = ['rules', 'fix'] as const;
/** `train` keys a `.reglintrc.json` sets too: only the user's own values may override it. */
const EXPLICIT_ONLY_TRAIN = ['budgetSeconds', 'seed', 'inputShape'] as const;

type ConfigurationMiddleware = NonNullable<NonNullable<Middleware['workspace']>['configuration']>;

export const explicitSettingsMiddleware: ConfigurationMiddleware = async (params, token, next) => {
  const result = await next(params, token);
  if (!Array.isArray(result)) return result;
  return result.map((value: unknown, index: number) => {
    const item = params.items[index];
    if (item?.section !== 'reglint' || !isRecord(value)) return value;
    const config = workspace.getConfiguration('reglint', item.scopeUri ? Uri.parse(item.scopeUri) : undefined);
    const explicit: Record<string, unknown> = { ...value };
    for (const key of EXPLICIT_ONLY) explicit[key] = explicitlySet(config, key);
    if (isRecord(value.train)) {
      // The rest of `train` goes as VS Code gives it (reglint.train.data is a restricted setting: VS Code drops a workspace's own value until it is trusted).
      const set = explicitlySet(config, 'train');
      const train: Record<string, unknown> = { ...value.train };
      for (const key of EXPLICIT_ONLY_TRAIN) {
        if (key in set) train[key] = set[key];
        else delete train[key];
      }
      explicit.train = train;
    }
    return explicit;
  });
};

/** The values under `key` set in any scope (narrower scopes win), without defaults. */
export function explicitlySet(config: WorkspaceConfiguration, key: string): Record<string, unknown> {
  const inspected = config.inspect<Record<string, unknown>>(key);
  if (!inspected) return {};
  const layers = [
    inspected.globalValue,
    inspected.workspaceValue,
    inspected.workspaceFolderValue,
    inspected.globalLanguageValue,
    inspected.workspaceLanguageValue,
    inspected.workspaceFolderLanguageValue,
  ];
  const merged: Record<string, unknown> = {};
  for (const layer of layers) if (isRecord(layer)) Object.assign(merged, layer);
  return merged;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
