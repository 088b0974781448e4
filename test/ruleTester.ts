// RuleTester in typescript-eslint's spirit: a rule's table of valid and invalid snippets,
// run through the real analysis (`analyzeText`) and the rule alone, asserting exactly the
// expected findings. Mocha's `describe`/`it` are used as globals.
import * as assert from 'node:assert/strict';
import { analyzeText } from '../server/src/analysis';
import { usesTfjs, type ModelGraph } from '../server/src/analysis/modelGraph';
import { mergeLayerInstances } from '../server/src/lint/layerInstances';
import type { Finding, Rule } from '../server/src/rules/rule';
import type { ExpectedFinding, InvalidCase, RuleCases, ValidCase } from '../server/src/rules/ruleCases';
import { LineIndex } from '../server/src/text/lineIndex';

export interface LocatedFinding extends Finding {
  /** 1-based, like editors and ESLint. */
  line: number;
  column: number;
}

export interface RuleRun {
  graph: ModelGraph;
  findings: LocatedFinding[];
}

/**
 * The rule over one snippet, gated the way lintText gates it (no tfjs or a fatal graph:
 * nothing), with a call's several nodes merged as lintText merges them.
 */
export function runRule(rule: Rule, code: string, fileName = 'case.ts'): RuleRun {
  const graph = analyzeText(code, fileName);
  if (graph.fatal || !usesTfjs(graph.tfjs)) return { graph, findings: [] };
  const findings = mergeLayerInstances(graph, rule.check(graph))
    .map((finding) => ({ ...finding, ...lineAndColumn(code, finding.span.start) }))
    .sort((a, b) => a.span.start - b.span.start);
  return { graph, findings };
}

export function assertValid(rule: Rule, testCase: ValidCase): void {
  const { graph, findings } = runRule(rule, testCase.code);
  assert.equal(graph.fatal, undefined, `analysis failed: ${graph.fatal}`);
  assert.equal(findings.length, 0, `expected no ${rule.meta.id} finding, got:\n${listFindings(findings)}${graphSummary(graph)}`);
}

export function assertInvalid(rule: Rule, testCase: InvalidCase): void {
  assert.ok(testCase.errors.length > 0, 'an invalid case must expect at least one finding');
  const { graph, findings } = runRule(rule, testCase.code);
  assert.equal(graph.fatal, undefined, `analysis failed: ${graph.fatal}`);
  const context = `\ngot:\n${listFindings(findings)}\nexpected:\n${listExpected(testCase.errors)}${graphSummary(graph)}`;
  assert.equal(findings.length, testCase.errors.length, `expected ${testCase.errors.length} finding(s), got ${findings.length}${context}`);
  testCase.errors.forEach((expected, i) => {
    const actual = findings[i];
    assert.equal(actual.line, expected.line, `finding ${i + 1}: line${context}`);
    if (expected.column !== undefined) assert.equal(actual.column, expected.column, `finding ${i + 1}: column${context}`);
    if (expected.messageIncludes !== undefined) {
      assert.ok(actual.message.includes(expected.messageIncludes), `finding ${i + 1}: message lacks "${expected.messageIncludes}"${context}`);
    }
  });
  for (const finding of findings) assertWellFormed(rule, graph, testCase.code, finding);
}

/** What every finding of every rule must satisfy, whatever the table says. */
function assertWellFormed(rule: Rule, graph: ModelGraph, code: string, finding: LocatedFinding): void {
  assert.equal(finding.ruleId, rule.meta.id, 'ruleId');
  assert.ok(finding.span.start >= 0 && finding.span.end <= code.length && finding.span.start <= finding.span.end, 'span inside the text');
  if (finding.layer !== undefined) {
    const layer = graph.layers[finding.layer];
    assert.ok(layer, `finding.layer ${finding.layer} is not in the graph`);
    assert.ok(finding.message.includes(layer.factory), `the message must name the layer (${layer.factory}): ${finding.message}`);
  }
}

/** One mocha `describe` for the rule, one `it` per case, named by the case. */
export function runRuleTests(rule: Rule, cases: RuleCases): void {
  describe(rule.meta.id, () => {
    assertUniqueNames(cases);
    describe('valid', () => {
      for (const testCase of cases.valid) it(testCase.name, () => assertValid(rule, testCase));
    });
    describe('invalid', () => {
      for (const testCase of cases.invalid) it(testCase.name, () => assertInvalid(rule, testCase));
    });
  });
}

function assertUniqueNames(cases: RuleCases): void {
  const seen = new Set<string>();
  for (const { name } of [...cases.valid, ...cases.invalid]) {
    if (seen.has(name)) throw new Error(`duplicate case name: ${name}`);
    seen.add(name);
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  return new LineIndex(text).at(offset);
}

function listFindings(findings: LocatedFinding[]): string {
  if (findings.length === 0) return '  (none)';
  return findings.map((f) => `  ${f.line}:${f.column} ${f.message}`).join('\n');
}

function listExpected(errors: ExpectedFinding[]): string {
  return errors
    .map((e) => `  ${e.line}${e.column === undefined ? '' : `:${e.column}`}${e.messageIncludes ? ` "${e.messageIncludes}"` : ''}`)
    .join('\n');
}

/** The layers as the analysis saw them: what a failing case needs to tell rule bugs from analysis bugs. */
function graphSummary(graph: ModelGraph): string {
  if (graph.layers.length === 0) return '\ngraph: no layers';
  const lines = graph.layers.map((l) => {
    const config = l.config === 'unknown' || l.config === 'absent' ? l.config : JSON.stringify(l.config.props).slice(0, 160);
    return `  #${l.index} ${l.factory} model=${l.model} next=${JSON.stringify(l.next)} isOutput=${l.isOutput}` +
      `${l.wrappedBy !== null ? ` wrappedBy=${l.wrappedBy}` : ''} config=${config}`;
  });
  return `\ngraph:\n${lines.join('\n')}`;
}
