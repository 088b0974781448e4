// The values a user gave for what a model's code does not fix (the sanity-train's quick
// input: a hidden width from a parameter, a regularizer computed at run time, a loop's
// count), remembered per model in the workspace state, and a first check of what is typed
// (the server parses it for good and says what is wrong). No vscode import: unit-tested.

/** The part of VS Code's Memento the store needs. */
export interface StateLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

const KEY = 'reglint.train.values';

/** uri → model name → value id (`dense_2.units`) → the text the user typed. */
type Stored = Record<string, Record<string, Record<string, string>>>;

export class TrainValueStore {
  constructor(private readonly state: StateLike) {}

  /** Every model's values for one file, as `reglint/sanityTrain` takes them. */
  forFile(uri: string): Record<string, Record<string, string>> {
    return { ...(this.all()[uri] ?? {}) };
  }

  async remember(uri: string, model: string, values: Record<string, string>): Promise<void> {
    const all = this.all();
    all[uri] = { ...(all[uri] ?? {}), [model]: { ...(all[uri]?.[model] ?? {}), ...values } };
    await this.state.update(KEY, all);
  }

  /** Forget one model's values (the server rejected one), one file's, or all. */
  async forget(uri?: string, model?: string): Promise<void> {
    if (uri === undefined) return void (await this.state.update(KEY, undefined));
    const all = this.all();
    if (model === undefined) delete all[uri];
    else if (all[uri]) delete all[uri][model];
    await this.state.update(KEY, all);
  }

  private all(): Stored {
    return JSON.parse(JSON.stringify(this.state.get<Stored>(KEY) ?? {})) as Stored;
  }
}

/** What the quick input says about a typed value before it is sent: undefined when it may be fine. */
export function checkTypedValue(key: string, text: string): string | undefined {
  const t = text.trim();
  if (t === '') return 'Type a value (Escape cancels the sanity-train).';
  if (/Regularizer$/.test(key)) {
    return /^(none|null|(l1|l2)\(\s*[\d.eE+-]*\s*\)|l1l2\(\s*[\d.eE+-]*\s*(,\s*[\d.eE+-]*\s*)?\))$/.test(t)
      ? undefined : 'A regularizer: l2(1e-4), l1(1e-5), l1l2(1e-5, 1e-4) or none.';
  }
  if (key === 'shape' || key.endsWith('.shape') || /Shape$/.test(key)) {
    return /^\[?\s*\d+(\s*,\s*\d+)*\s*\]?$/.test(t) ? undefined : 'A shape: positive integers separated by commas, e.g. 28,28,1.';
  }
  if (/^(units|filters|outputDim|inputDim|repeat|copies|n)$/.test(key)) {
    return /^\d+$/.test(t) && Number(t) > 0 ? undefined : 'A positive integer.';
  }
  if (/^(rate|dropout|recurrentDropout)$/.test(key)) {
    return Number.isFinite(Number(t)) && Number(t) >= 0 && Number(t) < 1 ? undefined : 'A rate from 0 up to (not including) 1.';
  }
  return undefined;
}
