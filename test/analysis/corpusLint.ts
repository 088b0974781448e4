// A corpus through the analysis as an editor user gets it (cross-file analysis on, one
// level deep), reduced to what ground truth lists: each file's layer calls (one per call,
// whatever a helper or a loop makes of it), the calls reported as unregularized (also those
// reported where another file uses them, credited to the file the call is in), and where
// its models are built.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/lint/lintText';
import { WorkspaceModules } from '../../server/src/project/workspaceModules';
import { LineIndex } from '../../server/src/text/lineIndex';

export const UNREGULARIZED_RULES = new Set(['dense-unregularized', 'conv-unregularized', 'recurrent-unregularized']);

export interface CorpusFileResult {
  /** `line:factory` of each layer call found (inputs left out, as the corpora do). */
  layerCalls: string[];
  /** `line:factory` of each call reported by a *-unregularized rule, here or where it is used. */
  reported: Set<string>;
  /** 1-based lines of the calls (or classes) that build the models found in the file. */
  modelLines: number[];
}

export function lintCorpus(dir: string, files: string[], options: { crossFile?: boolean } = {}): Map<string, CorpusFileResult> {
  const modules = options.crossFile === false ? undefined : new WorkspaceModules({ roots: [dir], depth: 1 });
  const results = new Map<string, CorpusFileResult>(files.map((f) => [f, { layerCalls: [], reported: new Set(), modelLines: [] }]));
  const linesOf = new Map<string, LineIndex>();
  const lineIn = (file: string, offset: number): number => {
    let index = linesOf.get(file);
    if (!index) {
      index = new LineIndex(fs.readFileSync(path.join(dir, file), 'utf8'));
      linesOf.set(file, index);
    }
    return index.at(offset).line;
  };
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const { graph, messages } = lintText(text, path.join(dir, file), { crossFile: modules });
    const result = results.get(file)!;
    const own = graph.layers.filter((l) => l.kind !== 'input' && !l.origin);
    const calls = new Map(own.map((l) => [`${l.span.start}:${l.span.end}`, l]));
    result.layerCalls.push(...[...calls.values()].map((l) => `${lineIn(file, l.nameSpan.start)}:${l.factory}`));
    result.modelLines.push(...graph.models.map((m) => lineIn(file, m.span.start)));
    for (const m of messages) {
      if (!UNREGULARIZED_RULES.has(m.ruleId)) continue;
      const layer = graph.layers[m.layer!];
      if (layer?.origin) {
        const originFile = path.relative(dir, layer.origin.file);
        results.get(originFile)?.reported.add(`${layer.origin.line}:${layer.factory}`);
      } else {
        result.reported.add(`${lineIn(file, m.span.start)}:${layer?.factory}`);
      }
    }
  }
  return results;
}
