// One corpus file through the analysis as a user gets it, reduced to what ground truth
// lists: its layer calls (one per call, whatever a helper or a loop makes of it), the calls
// reported as unregularized, and where its models are built.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/lint/lintText';
import { LineIndex } from '../../server/src/text/lineIndex';

export const UNREGULARIZED_RULES = new Set(['dense-unregularized', 'conv-unregularized', 'recurrent-unregularized']);

export interface CorpusFileResult {
  /** `line:factory` of each layer call found (inputs left out, as the corpora do). */
  layerCalls: string[];
  /** `line:factory` of each call reported by a *-unregularized rule. */
  reported: Set<string>;
  /** 1-based lines of the calls (or classes) that build the models found. */
  modelLines: number[];
}

export function lintCorpusFile(dir: string, file: string): CorpusFileResult {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const { graph, messages } = lintText(text, file);
  const lines = new LineIndex(text);
  const lineOf = (offset: number) => lines.at(offset).line;
  const calls = new Map(graph.layers.filter((l) => l.kind !== 'input').map((l) => [`${l.span.start}:${l.span.end}`, l]));
  return {
    layerCalls: [...calls.values()].map((l) => `${lineOf(l.nameSpan.start)}:${l.factory}`),
    reported: new Set(messages.filter((m) => UNREGULARIZED_RULES.has(m.ruleId))
      .map((m) => `${lineOf(m.span.start)}:${graph.layers[m.layer!]?.factory}`)),
    modelLines: graph.models.map((m) => lineOf(m.span.start)),
  };
}
