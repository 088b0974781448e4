// A scripted editing session against the real server over stdio: thousands of random
// edits (mostly keystrokes that keep the code well-formed, sometimes damage that is then
// undone), sent as incremental didChange notifications in bursts, each burst typed in one
// place as people type (one in ten spread over the file). Used by the soak test
// (test/lsp/soak.test.ts) and the benchmark (server memory after 10,000 edits).
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { seededRandom } from '../../bench/generateModelFile';
import { applyEdit, benignEdit, inverse, randomEdit, type RandomEdit } from '../helpers/randomEdits';
import type { LspSession } from './lspSession';

export interface StatsSnapshot {
  rssBytes: number;
  heapUsedBytes: number;
  analyses: { fullParses: number; incrementalParses: number; reused: number; skipped: number };
}

export interface SoakResult {
  edits: number;
  finalText: string;
  finalVersion: number;
  /** Stats (after a GC) once `checkpointAt` edits were sent and answered, and at the end. */
  atCheckpoint: StatsSnapshot;
  atEnd: StatsSnapshot;
  /** Published diagnostics whose range lies outside the text of their version. */
  outOfRange: string[];
  /** Longest wait for a checkpoint's diagnostics (ms). */
  slowestAnswerMs: number;
}

export interface SoakOptions {
  edits: number;
  seed: number;
  /** Edits sent back to back before waiting for the server's diagnostics of that version. */
  burst?: number;
  checkpointAt?: number;
  timeoutMs?: number;
}

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map(line => line.length);
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 && text.charCodeAt(i + 1) === 10) continue; // the \n of a \r\n ends the line
    if (ch === 10 || ch === 13) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

export async function runSoak(session: LspSession, uri: string, text: string, options: SoakOptions): Promise<SoakResult> {
  const random = seededRandom(options.seed);
  const burst = options.burst ?? 25;
  const checkpointAt = options.checkpointAt ?? 100;
  const timeoutMs = options.timeoutMs ?? 20_000;
  /** Line lengths of recent versions, to check published ranges against. */
  const versions = new Map<number, number[]>();
  const outOfRange: string[] = [];
  let checked = 0;
  const checkPublished = (): void => {
    for (; checked < session.diagnostics.length; checked++) {
      const p: PublishDiagnosticsParams = session.diagnostics[checked]!;
      if (p.uri !== uri || p.version === undefined) continue;
      const lines = versions.get(p.version);
      if (!lines) continue; // older than the window kept
      for (const d of p.diagnostics) {
        for (const pos of [d.range.start, d.range.end]) {
          if (pos.line < 0 || pos.line >= lines.length || pos.character < 0 || pos.character > lines[pos.line]!) {
            outOfRange.push(`v${p.version} ${String(d.code)} ${JSON.stringify(d.range)}`);
          }
        }
      }
    }
  };

  let version = 1;
  versions.set(version, lineLengths(text));
  await session.open(uri, text, version);
  await session.waitForVersion(uri, version, timeoutMs);
  const original = text;
  let pending: RandomEdit | undefined;
  let atCheckpoint: StatsSnapshot | undefined;
  let slowestAnswerMs = 0;

  for (let sent = 0; sent < options.edits;) {
    const notifications: { method: string; params: unknown }[] = [];
    // A burst is typing in one place, as people type; one in ten is spread over the file
    // (replace-all, multi-cursor), which the server parses afresh rather than incrementally.
    const scattered = random() < 0.1;
    const cursor = Math.floor(random() * text.length);
    // A typing burst does not end between damage and its undoing; a scattered one may, so
    // the server also sees broken files.
    for (let i = 0; (i < burst || (pending && !scattered)) && sent < options.edits; i++, sent++) {
      const near = scattered ? undefined : Math.min(cursor, text.length);
      // Keep the file near its size: a paste-heavy run would otherwise grow it without bound.
      const destructive = pending === undefined && text.length < original.length * 2 && random() < 0.15;
      let edit = pending ?? (destructive ? randomEdit(text, random, near) : benignEdit(text, random, near));
      // (Reverting the whole file, as an editor's "revert" does, keeps the imports and the syntax intact.)
      if (text.length > original.length * 2) edit = { start: 0, end: text.length, newLength: original.length, text: original };
      pending = destructive ? inverse(edit, text) : undefined; // damage is undone by the next keystroke
      const range = { start: positionAt(text, edit.start), end: positionAt(text, edit.end) };
      text = applyEdit(text, edit);
      version++;
      versions.set(version, lineLengths(text));
      versions.delete(version - 4 * burst);
      notifications.push({ method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [{ range, text: edit.text }] } });
    }
    session.sendNotificationsAtOnce(notifications);
    const started = performance.now();
    await session.waitForVersion(uri, version, timeoutMs);
    slowestAnswerMs = Math.max(slowestAnswerMs, performance.now() - started);
    checkPublished();
    if (!atCheckpoint && sent >= checkpointAt) atCheckpoint = await stats(session);
  }
  const atEnd = await stats(session);
  return { edits: options.edits, finalText: text, finalVersion: version, atCheckpoint: atCheckpoint ?? atEnd, atEnd, outOfRange, slowestAnswerMs };
}

export async function stats(session: LspSession): Promise<StatsSnapshot> {
  return (await session.connection.sendRequest('reglint/stats', { gc: true })) as StatsSnapshot;
}
