// The "analysis ≤ 3x parse" numbers alone, without the rest of `npm run bench` (minutes on 2
// cores): one generated 301-line file many times, and a corpus of generated files.
//
//   npm run compile && node out/bench/analysisVsParse.js [files=2000] [rounds=3] [oneFileRuns=500]
import { generateModelFile } from './generateModelFile';
import { measureCorpus, measureOneFile } from './measureAnalysis';

function main(): void {
  const [files = 2000, rounds = 3, runs = 500] = process.argv.slice(2).map(Number);
  const one = measureOneFile(generateModelFile(1), runs);
  const corpus = measureCorpus(Array.from({ length: files }, (_, i) => generateModelFile(1000 + i)), rounds);
  const ratio = (r: { parseMs: number; analysisMs: number }) => `${r.parseMs.toFixed(3)} ms parse, ${r.analysisMs.toFixed(3)} ms analysis: ${(r.analysisMs / r.parseMs).toFixed(2)}x`;
  console.log(`one file, median of ${runs} runs: ${ratio(one)}`);
  console.log(`${files} files, mean per file, median of ${rounds} rounds: ${ratio(corpus.meanPerFile)}`);
  console.log(`${files} files, median file, median of ${rounds} rounds: ${ratio(corpus.medianPerFile)}`);
}

main();
