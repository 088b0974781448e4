// Time per file of (a) TypeScript's parse alone and (b) reglint's full analysis
// (lintText: parse, ModelGraph, every rule), on the same texts.
import { performance } from 'node:perf_hooks';
import { ts } from 'ts-morph';
import { PARSE_OPTIONS } from '../server/src/analysis/parse';
import { lintText } from '../server/src/lint/lintText';
import { median } from './stats';

export interface ParseVsAnalysis {
  parseMs: number;
  analysisMs: number;
}

/** The same parse the analyzer does (server/src/analysis/parse.ts), without the analysis. */
function parseOnly(text: string, fileName: string): void {
  ts.createSourceFile(fileName, text, PARSE_OPTIONS, false, ts.ScriptKind.TS);
}

function analyse(text: string, fileName: string): void {
  lintText(text, fileName);
}

/** Median per-call time of `work` over `iterations` calls, repeated in `rounds` rounds. */
function timeEach(work: () => void, iterations: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** One file, many times: per-call medians (after a warm-up so both are JIT-compiled). */
export function measureOneFile(text: string, iterations: number): ParseVsAnalysis {
  const fileName = 'bench.ts';
  timeEach(() => parseOnly(text, fileName), 50);
  timeEach(() => analyse(text, fileName), 50);
  const parse: number[] = [];
  const analysis: number[] = [];
  // Interleave rounds so drift (GC, CPU frequency) hits both alike.
  for (let round = 0; round < 5; round++) {
    parse.push(...timeEach(() => parseOnly(text, fileName), iterations / 5));
    analysis.push(...timeEach(() => analyse(text, fileName), iterations / 5));
  }
  return { parseMs: median(parse), analysisMs: median(analysis) };
}

export interface CorpusResult {
  /** Median over rounds of (round total / file count). */
  meanPerFile: ParseVsAnalysis;
  /** Median over rounds of the median file's time. */
  medianPerFile: ParseVsAnalysis;
  files: number;
  rounds: number;
}

/** Many different files, each once per round, several rounds. */
export function measureCorpus(texts: readonly string[], rounds: number): CorpusResult {
  const names = texts.map((_, i) => `model${i}.ts`);
  const perRound = { parseMean: [] as number[], analysisMean: [] as number[], parseMedian: [] as number[], analysisMedian: [] as number[] };
  const pass = (work: (text: string, name: string) => void): number[] =>
    texts.map((text, i) => {
      const start = performance.now();
      work(text, names[i]!);
      return performance.now() - start;
    });
  pass(parseOnly); // warm-up
  pass(analyse);
  for (let round = 0; round < rounds; round++) {
    const parse = pass(parseOnly);
    const analysis = pass(analyse);
    perRound.parseMean.push(parse.reduce((a, b) => a + b, 0) / parse.length);
    perRound.analysisMean.push(analysis.reduce((a, b) => a + b, 0) / analysis.length);
    perRound.parseMedian.push(median(parse));
    perRound.analysisMedian.push(median(analysis));
  }
  return {
    meanPerFile: { parseMs: median(perRound.parseMean), analysisMs: median(perRound.analysisMean) },
    medianPerFile: { parseMs: median(perRound.parseMedian), analysisMs: median(perRound.analysisMedian) },
    files: texts.length,
    rounds,
  };
}
