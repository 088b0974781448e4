import * as assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/analysis';
import { summarizeLayers, summarizeModels } from '../helpers/graphSummary';
import { importStyleCases, modelStyleCases, type GraphCase } from './styles.cases';

function runCases(title: string, cases: GraphCase[]): void {
  describe(title, () => {
    for (const c of cases) {
      it(c.name, () => {
        const graph = analyzeText(c.code, c.file ?? 'model.ts');
        assert.equal(graph.fatal, undefined);
        assert.deepEqual(summarizeModels(graph), c.models, 'models');
        assert.deepEqual(summarizeLayers(graph, c.code), c.layers, 'layers');
      });
    }
  });
}

runCases('analysis: import styles', importStyleCases);
runCases('analysis: model styles', modelStyleCases);
