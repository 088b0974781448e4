// `reglint.sanityTrain` ("Reglint: Sanity-train model"): sends `reglint/sanityTrain` to the
// language server with Workspace Trust, shows a cancellable progress notification with
// the live epoch and losses, writes the epoch log to the "Reglint Training" output channel
// (language `reglint-train-log`, coloured by syntaxes/reglint-train-log.tmLanguage.json),
// and offers the learning curves. The server publishes the results as diagnostics.
//
// Values the model's code does not fix (a width from a parameter, a regularizer computed
// at run time): the request says `ask`, the server answers with the open ones, and a quick
// input asks for each (prefilled with the default the sanity-train would use; Escape
// cancels). The answers are remembered per model in the workspace state and sent with
// every later run; "Reglint: Forget sanity-train values" clears them.
import { randomUUID } from 'node:crypto';
import {
  commands,
  ProgressLocation,
  Uri,
  window,
  workspace,
  type Disposable,
  type ExtensionContext,
  type OutputChannel,
} from 'vscode';
import { WorkDoneProgress, type LanguageClient, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport } from 'vscode-languageclient/node';
import type { CurvesReport } from './learningCurvesSvg';
import type { LearningCurvesView } from './learningCurves';
import { modelTarget, type ModelTarget } from './modelTarget';
import { checkTypedValue, TrainValueStore } from './trainValueStore';

export const SANITY_TRAIN_COMMAND = 'reglint.sanityTrain';
export const SHOW_CURVES_COMMAND = 'reglint.showLearningCurves';
export const FORGET_VALUES_COMMAND = 'reglint.forgetTrainValues';
/** Commands this extension implements itself: the server must not register them too. */
export const CLIENT_COMMANDS = [SANITY_TRAIN_COMMAND, SHOW_CURVES_COMMAND, FORGET_VALUES_COMMAND];

type TrainArgs = ModelTarget;

export interface SanityTrainResult {
  uri: string;
  model: string;
  line: number;
  trusted: boolean;
  built: string;
  reason?: string;
  cancelled?: boolean;
  summary: string;
  report: CurvesReport & { elapsedMs?: number; backend?: string; assumptions?: { layer: string; key: string; value: unknown; source: string; line?: number; why: string }[] };
  needsValues?: ValueQuestion[];
}

/** A value the code does not fix, as the server asks for it. */
interface ValueQuestion {
  id: string;
  key: string;
  line?: number;
  expression?: string;
  default?: string;
  why: string;
}

export function registerSanityTrain(
  context: ExtensionContext,
  getClient: () => LanguageClient | undefined,
  curves: LearningCurvesView,
): Disposable[] {
  const log: OutputChannel = window.createOutputChannel('Reglint Training', 'reglint-train-log');
  const values = new TrainValueStore(context.workspaceState);
  return [
    log,
    curves,
    commands.registerCommand(FORGET_VALUES_COMMAND, async () => {
      await values.forget();
      void window.showInformationMessage('Reglint: forgot the values given for sanity-training; the next run asks again.');
    }),
    commands.registerCommand(SHOW_CURVES_COMMAND, (args?: { uri?: string; model?: string; report?: CurvesReport }) =>
      curves.show(args?.report ? { uri: args.uri, model: args.model, report: args.report } : undefined)),
    commands.registerCommand(SANITY_TRAIN_COMMAND, (args?: TrainArgs | Uri) => sanityTrain(getClient(), log, curves, values, args)),
  ];
}

async function sanityTrain(
  client: LanguageClient | undefined,
  log: OutputChannel,
  curves: LearningCurvesView,
  values: TrainValueStore,
  given?: TrainArgs | Uri,
): Promise<SanityTrainResult | undefined> {
  if (!client?.isRunning()) {
    void window.showErrorMessage('Reglint: the language server is not running.');
    return undefined;
  }
  const args = modelTarget<TrainArgs>(given, 'sanity-train it');
  if (!args) return undefined;
  const trusted = workspace.isTrusted;
  const uri = args.uri;
  const file = decodeURIComponent(uri.split('/').pop() ?? uri);
  log.appendLine(`== sanity-train ${file}${args.line !== undefined ? ` (line ${args.line + 1})` : ''}: ${trusted ? 'trusted' : 'untrusted'} workspace, ${new Date().toLocaleTimeString()}`);

  let result: SanityTrainResult | 'rejected' | undefined;
  // Ask for what the code does not fix until nothing is open (twice at most: the values a
  // build needs, then the defaults worth confirming).
  for (let round = 0; ; round++) {
    const given = values.forFile(uri);
    result = await requestTrain(client, log, { ...args, uri }, trusted, file, given, round < 2);
    if (result === 'rejected') {
      // The server could not read a remembered value: forget this file's, so the next run asks again.
      if (Object.keys(given).length) await values.forget(uri);
      return undefined;
    }
    if (!result?.needsValues?.length) break;
    const answers = await askValues(result.model, result.needsValues, log);
    if (!answers) {
      log.appendLine('cancelled: no value given');
      return undefined;
    }
    await values.remember(result.uri, result.model, answers);
  }
  if (!result) return undefined;
  return showResult(result, log, curves);
}

/** One `reglint/sanityTrain` request with the progress notification; undefined when it failed (shown). */
async function requestTrain(
  client: LanguageClient, log: OutputChannel, args: TrainArgs & { uri: string }, trusted: boolean, file: string,
  values: Record<string, Record<string, string>>, ask: boolean,
): Promise<SanityTrainResult | 'rejected' | undefined> {
  const token = `reglint-train-${randomUUID()}`;
  let result: SanityTrainResult | undefined;
  try {
    result = await window.withProgress(
      { location: ProgressLocation.Notification, title: `Reglint: sanity-training (${file})`, cancellable: true },
      async (progress, cancel) => {
        let shown = 0;
        const listener = client.onProgress(WorkDoneProgress.type, token, (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => {
          if (value.kind === 'begin') {
            log.appendLine(`${value.title}`);
            progress.report({ message: value.message });
          } else if (value.kind === 'report') {
            const pct = value.percentage ?? shown;
            progress.report({ message: value.message, increment: Math.max(0, pct - shown) });
            shown = Math.max(shown, pct);
            if (value.message) log.appendLine(`  ${value.message}`);
          }
        });
        try {
          return await client.sendRequest<SanityTrainResult>('reglint/sanityTrain', { ...args, trusted, workDoneToken: token, values, ask }, cancel);
        } finally {
          listener.dispose();
        }
      },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.appendLine(`FAIL  ${message}`);
    void window.showErrorMessage(`Reglint: sanity-train failed: ${message}`);
    const ids = Object.values(values).flatMap(byId => Object.keys(byId));
    return ids.some(id => message.includes(`${id}=`)) ? 'rejected' : undefined;
  }
  return result;
}

/** A quick input per open value, prefilled with the default; undefined when the user cancels. */
async function askValues(model: string, questions: ValueQuestion[], log: OutputChannel): Promise<Record<string, string> | undefined> {
  const answers: Record<string, string> = {};
  for (const [i, q] of questions.entries()) {
    const where = [q.line !== undefined ? `line ${q.line}` : undefined, q.expression ? `\`${q.expression}\`` : undefined].filter(Boolean).join(': ');
    const typed = await window.showInputBox({
      title: `Reglint: sanity-train ${model} (${i + 1}/${questions.length}): ${q.id}`,
      prompt: `${where ? `${where}. ` : ''}${q.why}. ${q.default !== undefined ? 'Enter keeps the default shown.' : 'The model cannot be built without it.'}`,
      value: q.default,
      placeHolder: q.key.endsWith('Regularizer') ? 'l2(1e-4) or none' : undefined,
      ignoreFocusOut: true,
      validateInput: (text) => checkTypedValue(q.key, text),
    });
    if (typed === undefined) return undefined;
    answers[q.id] = typed.trim();
    log.appendLine(`  ${q.id} = ${answers[q.id]} (given)`);
  }
  return answers;
}

function showResult(result: SanityTrainResult, log: OutputChannel, curves: LearningCurvesView): SanityTrainResult {
  if (result.cancelled) {
    log.appendLine('cancelled');
    return result;
  }
  logReport(log, result);
  curves.remember({ uri: result.uri, model: result.model, report: result.report });
  const hasCurves = (result.report.curves?.baseline ?? []).some(c => c.val.length > 1);
  const worst = result.report.checks.some(c => c.verdict === 'fail') ? 'fail' : result.report.checks.some(c => c.verdict === 'warn') ? 'warn' : 'ok';
  const show = worst === 'ok' ? window.showInformationMessage : window.showWarningMessage;
  const text = result.built === 'failed' ? `Reglint: ${result.model} was not trained: ${result.reason ?? ''}` : `Reglint: ${result.summary}`;
  void show(text, ...(hasCurves ? ['Show learning curves', 'Show log'] : ['Show log'])).then(choice => {
    if (choice === 'Show learning curves') curves.show({ uri: result.uri, model: result.model, report: result.report });
    else if (choice === 'Show log') log.show(true);
  });
  return result;
}

const MARK: Record<string, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', inconclusive: 'INCONCLUSIVE', skipped: 'SKIP' };

function logReport(log: OutputChannel, result: SanityTrainResult): void {
  const r = result.report;
  if (result.built === 'failed') {
    log.appendLine(`NOT TRAINED  ${result.model}: ${result.reason ?? 'unknown reason'}`);
    return;
  }
  log.appendLine(`${result.model}: built ${result.built}${r.backend ? `, ${r.backend} backend` : ''}${r.elapsedMs !== undefined ? `, ${(r.elapsedMs / 1000).toFixed(1)} s` : ''}`);
  for (const a of r.assumptions ?? []) {
    log.appendLine(`ASSUMED  ${a.layer}.${a.key} = ${JSON.stringify(a.value)} (${a.source}${a.line !== undefined ? `, line ${a.line}` : ''}): ${a.why}`);
  }
  for (const c of r.checks) {
    log.appendLine(`${MARK[c.verdict] ?? c.verdict}  ${c.id}${c.outcome ? ` (${c.outcome})` : ''}: ${c.message}`);
    for (const e of c.remedies ?? []) {
      log.appendLine(`      ${e.rank ?? '-'}. ${e.description}: ${e.notMeasured ? `not measured (${e.notMeasured})`
        : `val loss ${e.valLossChange < 0 ? '−' : '+'}${Math.round(Math.abs(100 * e.valLossChange))}% ± ${Math.round(100 * e.valLossChangeSd)}%, ${e.claim === 'none' ? 'no clear change' : e.claim}`}`);
    }
  }
  const first = r.curves?.baseline[0];
  if (first && first.val.length > 1) {
    const every = Math.max(1, Math.ceil(first.val.length / 12));
    const pick = (v: number[]) => v.filter((_, i) => i % every === 0 || i === v.length - 1).map(x => x.toPrecision(3)).join(' ');
    log.appendLine(`      seed 1, epochs ${pick(first.steps.map(s => s / first.stepsPerEpoch))}`);
    log.appendLine(`      train loss ${pick(first.train)}`);
    log.appendLine(`      val loss   ${pick(first.val)}`);
  }
}
