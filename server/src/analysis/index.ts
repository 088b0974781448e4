// analyzeText: file text in, ModelGraph out. Never throws: a file TypeScript cannot parse
// at all (e.g. nesting deep enough to overflow the parser's stack) gets `fatal`.
import { collectDataSources } from './dataSources';
import { indexFile } from './fileIndex';
import { GraphBuilder } from './graphBuilder';
import type { ModelGraph } from './modelGraph';
import { ModelFlow } from './modelFlow';
import { mentionsTfjs, parseProblemsOf, parseSource, ts } from './parse';
import { Scopes } from './scopes';
import { TfjsResolver } from './tfjsBindings';

export * from './modelGraph';

export function analyzeText(text: string, fileName: string): ModelGraph {
  return analyzeTextAndTree(text, fileName).graph;
}

/**
 * analyzeText, with the syntax tree it analysed (parent pointers set), so a later pass over
 * the same text (suppression comments) need not parse it again.
 */
export function analyzeTextAndTree(text: string, fileName: string): { graph: ModelGraph; tree?: ts.SourceFile } {
  const graph = emptyGraph(fileName);
  if (!mentionsTfjs(text)) return { graph };
  let tree: ts.SourceFile;
  try {
    tree = parseSource(text, fileName);
  } catch (err) {
    return { graph: parseFailureGraph(fileName, err) };
  }
  return { graph: analyzeSourceFile(tree, graph), tree };
}

export function analyzeSourceFile(sourceFile: ts.SourceFile, graph = emptyGraph(sourceFile.fileName)): ModelGraph {
  try {
    graph.parseProblems = parseProblemsOf(sourceFile);
    const index = indexFile(sourceFile);
    const tfjs = new TfjsResolver(index);
    graph.tfjs = tfjs.bindings;
    if (!tfjs.hasTfjs) return graph;
    const scopes = new Scopes(index.hoistedVars);
    const builder = new GraphBuilder(sourceFile, scopes, tfjs);
    new ModelFlow(builder, sourceFile, index).run();
    graph.dataSources = collectDataSources(index, tfjs, scopes);
    const { models, layers, inputs } = builder.finish();
    graph.models = models;
    graph.layers = layers;
    graph.inputs = inputs;
  } catch (err) {
    graph.models = [];
    graph.layers = [];
    graph.inputs = [];
    graph.dataSources = [];
    graph.fatal = `the analysis failed: ${describe(err)}`;
  }
  return graph;
}

/** The graph of a file with nothing to analyse (no tfjs mentioned). */
export function emptyGraph(fileName: string): ModelGraph {
  return {
    fileName,
    tfjs: {
      modules: [], namespaces: [], layersNamespaces: [], layerFactories: {},
      regularizersNamespaces: [], regularizerFactories: {},
    },
    models: [],
    layers: [],
    inputs: [],
    parseProblems: [],
    dataSources: [],
  };
}

/** The graph analyzeText gives when the parser itself throws. */
export function parseFailureGraph(fileName: string, err: unknown): ModelGraph {
  const graph = emptyGraph(fileName);
  graph.fatal = `the parser failed: ${describe(err)}`;
  return graph;
}

function describe(err: unknown): string {
  if (err instanceof RangeError) return 'the code is nested too deeply (' + err.message + ')';
  return err instanceof Error ? err.message : String(err);
}
