// analyzeText: file text in, ModelGraph out. Never throws: a file TypeScript cannot parse
// at all (e.g. nesting deep enough to overflow the parser's stack) gets `fatal`.
import { collectDataSources } from './dataSources';
import { indexFile } from './fileIndex';
import { GraphBuilder } from './graphBuilder';
import { ImportResolver, type ModuleLoader } from './imports';
import type { ModelGraph } from './modelGraph';
import { ModelFlow } from './modelFlow';
import { mentionsTfjs, parseProblemsOf, parseSource, ts } from './parse';
import { Scopes } from './scopes';
import { CrossFileTfjs, TfjsResolver, type TfjsClassifier } from './tfjsBindings';

export * from './modelGraph';
export type { LoadedModule, ModuleLoader } from './imports';

export interface AnalyzeOptions {
  /** Follow imports of the workspace's own modules through this loader (cross-file analysis). */
  modules?: ModuleLoader;
}

export function analyzeText(text: string, fileName: string, options: AnalyzeOptions = {}): ModelGraph {
  return analyzeTextAndTree(text, fileName, options).graph;
}

/**
 * analyzeText, with the syntax tree it analysed (parent pointers set), so a later pass over
 * the same text (suppression comments) need not parse it again.
 */
export function analyzeTextAndTree(
  text: string, fileName: string, options: AnalyzeOptions = {},
): { graph: ModelGraph; tree?: ts.SourceFile } {
  const graph = emptyGraph(fileName);
  if (!mentionsTfjs(text)) return { graph };
  let tree: ts.SourceFile;
  try {
    tree = parseSource(text, fileName);
  } catch (err) {
    return { graph: parseFailureGraph(fileName, err) };
  }
  return { graph: analyzeSourceFile(tree, graph, options), tree };
}

export function analyzeSourceFile(
  sourceFile: ts.SourceFile, graph = emptyGraph(sourceFile.fileName), options: AnalyzeOptions = {},
): ModelGraph {
  try {
    graph.parseProblems = parseProblemsOf(sourceFile);
    const index = indexFile(sourceFile);
    const scopes = new Scopes(new Map(index.hoistedVars));
    const tfjs = new TfjsResolver(index, scopes);
    graph.tfjs = tfjs.bindings;
    if (!tfjs.hasTfjs) return graph;
    let imports: ImportResolver | undefined;
    let classifier: TfjsClassifier = tfjs;
    let builder: GraphBuilder | undefined;
    if (options.modules) {
      const modules = new Map<ts.SourceFile, ReturnType<typeof indexFile>>();
      imports = new ImportResolver(options.modules, sourceFile, (m) => {
        modules.set(m.sourceFile, m.index);
        scopes.addFile(m.index.hoistedVars);
      });
      classifier = new CrossFileTfjs(tfjs, sourceFile, () => builder?.isExternalRun ?? false,
        (file) => new TfjsResolver(modules.get(file) ?? indexFile(file), scopes));
    }
    builder = new GraphBuilder(sourceFile, scopes, classifier);
    new ModelFlow(builder, sourceFile, index, imports).run();
    graph.dataSources = collectDataSources(index, tfjs, scopes);
    const { models, layers, inputs } = builder.finish();
    graph.models = models;
    graph.layers = layers;
    graph.inputs = inputs;
    if (imports) {
      graph.imports = imports.notes;
      graph.dependencies = imports.modules.map((m) => m.fileName);
    }
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
