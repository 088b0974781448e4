// Everything a remedy needs to know about one file: its text, its ModelGraph, the fix
// settings, the file's layout conventions, and its syntax tree (parsed once, on demand, to
// check what the graph's spans do not say: which block a statement sits in, where commas are).
import { parseWithParents, ts } from '../analysis/parse';
import type { LayerNode, ModelGraph, Span } from '../analysis/modelGraph';
import { lineEndingOf } from './sourceText';
import type { FixSettings } from './types';

/** Thrown by FixContext.sourceFile when the file cannot be parsed again: no fix is offered. */
export class UnparsableForFixes extends Error {}

export class FixContext {
  /** The file's line ending, used for every inserted line. */
  readonly eol: string;
  private parsed?: ts.SourceFile;
  private declared?: Set<string>;
  private spacing?: boolean;
  private identifiers?: Map<string, number>;

  /**
   * `tree`: the text's syntax tree with parent pointers, parsed with the analysis's options,
   * when the caller has it (the tree analyzeTextAndTree returns), to spare a second parse.
   */
  constructor(
    readonly text: string,
    readonly graph: ModelGraph,
    readonly settings: FixSettings,
    tree?: ts.SourceFile,
  ) {
    this.eol = lineEndingOf(text);
    this.parsed = tree;
  }

  get sourceFile(): ts.SourceFile {
    this.parsed ??= parseWithParents(this.text, this.graph.fileName);
    if (!this.parsed) throw new UnparsableForFixes();
    return this.parsed;
  }

  layer(index: number | undefined): LayerNode | undefined {
    return index === undefined ? undefined : this.graph.layers[index];
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** The node of the given shape that covers exactly `span` (as the analysis measured it). */
  nodeAt<T extends ts.Node>(span: Span, isShape: (node: ts.Node) => node is T): T | undefined {
    const sourceFile = this.sourceFile;
    let found: T | undefined;
    const visit = (node: ts.Node): void => {
      if (found || node.pos > span.start || node.end < span.end) return;
      if (isShape(node) && node.getStart(sourceFile) === span.start && node.end === span.end) {
        found = node;
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return found;
  }

  /** The layer's call expression in the tree. */
  callOf(layer: LayerNode): ts.CallExpression | undefined {
    return this.nodeAt(layer.span, ts.isCallExpression);
  }

  /** Whether `name` is declared anywhere in the file, so a new binding of it would clash. */
  declares(name: string): boolean {
    if (!this.declared) {
      const names = new Set<string>();
      const visit = (node: ts.Node): void => {
        const declName = (node as { name?: ts.Node }).name;
        if (declName && ts.isIdentifier(declName) && isDeclaration(node)) names.add(declName.text);
        ts.forEachChild(node, visit);
      };
      visit(this.sourceFile);
      this.declared = names;
    }
    return this.declared.has(name);
  }

  /** How often an identifier with this text occurs (declarations and uses alike). */
  identifierCount(name: string): number {
    if (!this.identifiers) {
      const counts = new Map<string, number>();
      const visit = (node: ts.Node): void => {
        if (ts.isIdentifier(node)) counts.set(node.text, (counts.get(node.text) ?? 0) + 1);
        ts.forEachChild(node, visit);
      };
      visit(this.sourceFile);
      this.identifiers = counts;
    }
    return this.identifiers.get(name) ?? 0;
  }

  /**
   * Whether the file writes object literals as `{ units: 8 }` rather than `{units: 8}`,
   * judged from its single-line layer configs.
   */
  get bracketSpacing(): boolean {
    if (this.spacing === undefined) {
      let spaced = 0;
      let tight = 0;
      for (const layer of this.graph.layers) {
        const literal = layer.configLiteralSpan && this.slice(layer.configLiteralSpan);
        if (!literal || literal.length < 3 || /[\r\n]/.test(literal)) continue;
        if (/^\{\s/.test(literal)) spaced++;
        else tight++;
      }
      this.spacing = spaced > tight;
    }
    return this.spacing;
  }

  /** `{key: value}` in the file's brace spacing. */
  objectLiteral(body: string): string {
    return this.bracketSpacing ? `{ ${body} }` : `{${body}}`;
  }
}

function isDeclaration(node: ts.Node): boolean {
  return (
    ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node) ||
    ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isImportSpecifier(node) ||
    ts.isNamespaceImport(node) || ts.isImportClause(node) || ts.isImportEqualsDeclaration(node) ||
    ts.isEnumDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassExpression(node)
  );
}
