// regularizer-config-invalid: rewrite the regularizer into the form tfjs reads.
// - `l2(0.01)` -> `l2({l2: 0.01})` (a bare number where the config object belongs);
// - `l2({l1: 0.01})` -> `l2({l2: 0.01})` (the one factor key misspelled); other keys the
//   factory ignores are removed; a non-numeric factor becomes a number;
// - `'l2'` / `{l2: 0.01}` / `0.01` where a regularizer belongs -> `tf.regularizers.l2({l2: ...})`;
// - a key the layer ignores or throws on -> the weight key it does read (depthwiseConv2d:
//   depthwise; separableConv2d: depthwise + pointwise; otherwise kernel), or removed when
//   that key is already set.
import { ts } from '../analysis/parse';
import type { ConfigValue, LayerNode, RegularizerValue, Span } from '../analysis/modelGraph';
import { UNKNOWN } from '../analysis/modelGraph';
import { isConfigObject, isRegularizerValue, regularizerProps } from '../rules/config';
import {
  isConv, isDense, isRecurrent, readRegularizerKeys, REGULARIZER_FACTOR_KEYS, throwingRegularizerKey,
} from '../rules/layerFacts';
import { commaListOf, removeItem } from './commaList';
import { configLiteralOf, propertyName } from './configEdits';
import type { FixContext } from './fixContext';
import type { ProposedFix, Remedy } from './remedy';
import { formatNumber, indentationAt, startsItsLine } from './sourceText';
import { regularizerCallee } from './tfjsNames';
import type { TextEdit } from './types';

type Factory = 'l1' | 'l2' | 'l1l2';

export const rewriteRegularizer: Remedy = (ctx, finding) => {
  const layer = ctx.layer(finding.layer);
  if (!layer) return undefined;
  const same = (span: Span | undefined) => !!span && span.start === finding.span.start && span.end === finding.span.end;
  for (const { key, value } of regularizerProps(layer)) {
    const property = layer.configProps[key];
    if (same(property?.span)) return useReadKey(ctx, layer, key);
    if (isRegularizerValue(value) && same(value.span)) {
      return value.form === 'call' ? fixCallArgument(ctx, value) : replaceWithCall(ctx, layer, value.span, stringFactory(value.factory), undefined);
    }
    if (same(property?.valueSpan)) return fixPlainValue(ctx, layer, property!.valueSpan, value);
  }
  return undefined;
};

/** `'l1'` means l1; any other unregistered string most likely meant l2. */
function stringFactory(id: string): Factory {
  return id === 'l1' ? 'l1' : 'l2';
}

/** Replaces `span` with `<ns>.<factory>({<key>: factor, ...})`. */
function replaceWithCall(ctx: FixContext, layer: LayerNode, span: Span, factory: Factory, factor: string | undefined): ProposedFix | undefined {
  const callee = regularizerCallee(ctx, layer, factory);
  if (!callee) return undefined;
  const written = factor ?? formatNumber(ctx.settings.l2);
  const body = REGULARIZER_FACTOR_KEYS[factory].map((k) => `${k}: ${written}`).join(', ');
  const call = `${callee.name}(${ctx.objectLiteral(body)})`;
  return { title: `Rewrite as ${call}`, edits: [...callee.edits, { start: span.start, end: span.end, newText: call }] };
}

/** A plain object, number or other non-regularizer value under a `*Regularizer` key. */
function fixPlainValue(ctx: FixContext, layer: LayerNode, span: Span, value: ConfigValue): ProposedFix | undefined {
  if (typeof value === 'string') return replaceWithCall(ctx, layer, span, stringFactory(value), undefined);
  if (typeof value === 'number') return replaceWithCall(ctx, layer, span, 'l2', ctx.slice(span));
  if (isConfigObject(value)) {
    const keys = Object.keys(value.props);
    const factorsOnly = keys.length > 0 && keys.every((k) => (k === 'l1' || k === 'l2') && typeof value.props[k] === 'number');
    if (!factorsOnly) return replaceWithCall(ctx, layer, span, 'l2', undefined);
    // `{l2: 0.01}` already holds the factors: wrap it in the matching factory.
    const factory: Factory = keys.length === 2 ? 'l1l2' : (keys[0] as Factory);
    const callee = regularizerCallee(ctx, layer, factory);
    if (!callee) return undefined;
    const edits: TextEdit[] = [
      ...callee.edits,
      { start: span.start, end: span.start, newText: `${callee.name}(` },
      { start: span.end, end: span.end, newText: ')' },
    ];
    return { title: `Wrap in ${callee.name}(...)`, edits };
  }
  return replaceWithCall(ctx, layer, span, 'l2', undefined);
}

/** `l2(0.01)`, `l2({l1: 0.01})`, `l2({l2: '0.01'})`: the argument is rewritten, the callee kept. */
function fixCallArgument(ctx: FixContext, reg: RegularizerValue): ProposedFix | undefined {
  const factorKeys = REGULARIZER_FACTOR_KEYS[reg.factory];
  const call = ctx.nodeAt(reg.span, ts.isCallExpression);
  const arg = call?.arguments[0];
  if (!factorKeys || !call || !arg || call.arguments.length !== 1) return undefined;
  if (!ts.isObjectLiteralExpression(arg)) {
    const factor = typeof reg.arg === 'number' ? arg.getText(ctx.sourceFile) : formatNumber(ctx.settings.l2);
    const body = ctx.objectLiteral(factorKeys.map((k) => `${k}: ${factor}`).join(', '));
    return { title: `Pass the factor as ${body}`, edits: [{ start: arg.getStart(ctx.sourceFile), end: arg.end, newText: body }] };
  }
  const properties = arg.properties;
  const ignored = properties.filter((p) => !factorKeys.includes(propertyName(p) ?? ''));
  const missing = factorKeys.filter((k) => !properties.some((p) => propertyName(p) === k));
  if (ignored.length === 1 && missing.length === 1 && ts.isPropertyAssignment(ignored[0])) {
    const name = ignored[0].name;
    return {
      title: `Rename '${propertyName(ignored[0])}' to '${missing[0]}', the key ${reg.factory}() reads`,
      edits: [{ start: name.getStart(ctx.sourceFile), end: name.end, newText: missing[0] }],
    };
  }
  if (ignored.length > 0) {
    if (ignored.length === properties.length) {
      const body = ctx.objectLiteral(factorKeys.map((k) => `${k}: ${formatNumber(ctx.settings.l2)}`).join(', '));
      return { title: `Pass the factor as ${body}`, edits: [{ start: arg.getStart(ctx.sourceFile), end: arg.end, newText: body }] };
    }
    const list = commaListOf(ctx, arg);
    const edits = ignored.flatMap((p) => removeItem(ctx, list, properties.indexOf(p)));
    return { title: `Remove the keys ${reg.factory}() ignores`, edits };
  }
  // A factor that is not a number: `'0.01'` becomes 0.01, anything else the settings' factor.
  const edits: TextEdit[] = [];
  for (const p of properties) {
    if (!ts.isPropertyAssignment(p) || !isKnownNonNumber(reg.arg, propertyName(p))) continue;
    const init = p.initializer;
    const written = ts.isStringLiteral(init) ? init.text.trim() : '';
    const parsed = written === '' ? NaN : Number(written);
    const factor = Number.isFinite(parsed) && parsed > 0 && parsed <= 0.1 ? written : formatNumber(ctx.settings.l2);
    edits.push({ start: init.getStart(ctx.sourceFile), end: init.end, newText: factor });
  }
  return edits.length > 0 ? { title: `Write the ${reg.factory} factor as a number`, edits } : undefined;
}

function isKnownNonNumber(arg: ConfigValue, key: string | undefined): boolean {
  if (key === undefined || !isConfigObject(arg)) return false;
  const value = arg.props[key];
  return value !== UNKNOWN && value !== undefined && value !== null && typeof value !== 'number';
}

/** A regularizer under a key the layer never reads: move it to the key that counts. */
function useReadKey(ctx: FixContext, layer: LayerNode, key: string): ProposedFix | undefined {
  const targets = readKeysFor(layer, key);
  const literal = configLiteralOf(ctx, layer);
  const property = literal?.properties.find((p) => propertyName(p) === key);
  if (!targets || !literal || !property) return undefined;
  const present = (k: string) => literal.properties.some((p) => propertyName(p) === k);
  const wanted = targets.filter((k) => !present(k));
  if (wanted.length === 0) {
    const list = commaListOf(ctx, literal);
    return { title: `Remove ${key}, which ${layer.factory} never reads`, edits: removeItem(ctx, list, literal.properties.indexOf(property)) };
  }
  const valueText = ts.isPropertyAssignment(property)
    ? property.initializer.getText(ctx.sourceFile)
    : ts.isShorthandPropertyAssignment(property) ? property.name.text : undefined;
  if (valueText === undefined) return undefined;
  const start = property.getStart(ctx.sourceFile);
  const separator = startsItsLine(ctx.text, start) ? `,${ctx.eol}${indentationAt(ctx.text, start)}` : ', ';
  return {
    title: `Use ${wanted.join(' and ')} instead of ${key}`,
    edits: [{ start, end: property.end, newText: wanted.map((k) => `${k}: ${valueText}`).join(separator) }],
  };
}

/**
 * The keys a misplaced regularizer belongs under (one the layer ignores, or one it throws
 * on), for weighted layers, where that is clear: the weight keys the layer reads, both for
 * separableConv2d, else the first (kernel, depthwise, embeddings).
 */
function readKeysFor(layer: LayerNode, key: string): string[] | undefined {
  const read = readRegularizerKeys(layer.factory);
  if (!read || (read.includes(key) && throwingRegularizerKey(layer.factory, key) === undefined)) return undefined;
  const weightKeys = read.filter((k) => k !== key && k !== 'biasRegularizer' && k !== 'activityRegularizer');
  if (layer.factory === 'separableConv2d') return weightKeys;
  const weighted = isDense(layer) || isConv(layer) || isRecurrent(layer) || layer.factory === 'embedding';
  return weighted && weightKeys.length > 0 ? weightKeys.slice(0, 1) : undefined;
}
