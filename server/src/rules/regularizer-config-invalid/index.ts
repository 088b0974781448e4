// regularizer-config-invalid: a regularizer setting tfjs will reject or silently ignore.
// - `tf.regularizers.l2(0.01)`: a number where tfjs wants `{l2: 0.01}`. tfjs 4.x throws
//   ("Argument to L1L2 regularizer's constructor is expected to be an object"); before
//   that check existed, `args.l2` was undefined and the default 0.01 was used instead.
// - `l2({l1: 0.01})`: l2 reads only `l2`; other keys are ignored and the default is used.
// - `kernelRegularizer: 'l2'`: tfjs registers only the identifier 'l1l2' (and the class
//   name 'L1L2'); any other string throws "Unknown regularizer".
// - `kernelRegularizer: {l2: 0.01}` or a number: not a regularizer; tfjs throws
//   "Improper config format".
// - a key the layer does not read: separableConv2d throws on kernelRegularizer;
//   depthwiseConv2d ignores it, recurrent layers ignore activityRegularizer.
import type { ConfigValue, LayerNode, ModelGraph, RegularizerValue, Span } from '../../analysis/modelGraph';
import { UNKNOWN } from '../../analysis/modelGraph';
import type { Finding, Rule } from '../rule';
import { configValueSpan, isConfigObject, isRegularizerValue, regularizerProps } from '../config';
import { describeLayer } from '../describeLayer';
import {
  readRegularizerKeys, REGULARIZER_FACTOR_KEYS, RESOLVABLE_REGULARIZER_STRINGS, throwingRegularizerKey,
} from '../layerFacts';
import { regularizerCallee, SUGGESTED_L2 } from '../suggestedCode';

const ID = 'regularizer-config-invalid';

export const regularizerConfigInvalid: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    type: 'problem',
    description: 'Regularizer written in a form tfjs rejects or ignores (a bare number, an unregistered string, a key the layer does not read).',
    fixable: true,
  },
  check(graph) {
    const findings: Finding[] = [];
    // A regularizer held in a const and shared by several layers is reported once, where it is written.
    const reported = new Set<string>();
    const report = (layer: LayerNode, span: Span, message: string) => {
      const key = `${span.start}:${span.end}`;
      if (reported.has(key)) return;
      reported.add(key);
      findings.push({ ruleId: ID, message, span, layer: layer.index });
    };

    for (const layer of graph.layers) {
      for (const { key, value } of regularizerProps(layer)) {
        if (value === UNKNOWN || value === null || value === undefined) continue;
        const where = `The ${key} of ${describeLayer(graph, layer)}`;
        const propertySpan = layer.configProps[key]?.span ?? layer.nameSpan;
        const unread = unreadKeyProblem(layer, key);
        if (unread) {
          report(layer, propertySpan, `${where}: ${unread}`);
          continue;
        }
        const problem = valueProblem(graph, layer, value);
        if (problem) {
          const span = isRegularizerValue(value) ? value.span : configValueSpan(layer, key);
          report(layer, span, `${where}: ${problem}`);
        }
      }
    }
    return findings;
  },
};

/** A regularizer key this factory never reads (or throws on). */
function unreadKeyProblem(layer: LayerNode, key: string): string | undefined {
  const thrown = throwingRegularizerKey(layer.factory, key);
  if (thrown) return thrown;
  const readKeys = readRegularizerKeys(layer.factory);
  if (!readKeys || readKeys.includes(key)) return undefined;
  const instead = readKeys.filter((k) => k !== 'biasRegularizer' && k !== 'activityRegularizer');
  const insteadText = instead.length > 0 ? ` Use ${instead.join(' or ')} instead.` : ' Remove it.';
  return `tfjs's ${layer.factory} never reads ${key}, so it is silently ignored and the layer is not regularized by it.${insteadText}`;
}

/** What is wrong with the value given for a regularizer key, if anything. */
function valueProblem(graph: ModelGraph, layer: LayerNode, value: ConfigValue): string | undefined {
  if (isRegularizerValue(value)) {
    return value.form === 'string' ? stringProblem(graph, layer, value.factory) : callProblem(graph, layer, value);
  }
  if (typeof value === 'string') return stringProblem(graph, layer, value);
  if (isConfigObject(value)) {
    // A serialized Keras config ({className, config}) is accepted by tfjs's deserializer.
    if ('className' in value.props || !value.complete) return undefined;
    const factor = typeof value.props.l2 === 'number' ? String(value.props.l2) : SUGGESTED_L2;
    return (
      'a plain object is not a regularizer: tfjs throws "Improper config format ... \'className\' and \'config\' must set". ' +
      `Write ${regularizerCallee(graph, layer, 'l2')}({l2: ${factor}}).`
    );
  }
  if (typeof value === 'number' || typeof value === 'boolean' || Array.isArray(value)) {
    const factor = typeof value === 'number' ? String(value) : SUGGESTED_L2;
    return (
      `${JSON.stringify(value)} is not a regularizer: tfjs throws "Improper config format". ` +
      `Write ${regularizerCallee(graph, layer, 'l2')}({l2: ${factor}}).`
    );
  }
  return undefined;
}

function stringProblem(graph: ModelGraph, layer: LayerNode, id: string): string | undefined {
  if (RESOLVABLE_REGULARIZER_STRINGS.has(id)) return undefined;
  const factory = id === 'l1' || id === 'l2' ? id : 'l2';
  return (
    `'${id}' is not a regularizer tfjs knows: only 'l1l2' is registered as a string, so creating the layer ` +
    `throws "Unknown regularizer: ${id}". Write ${regularizerCallee(graph, layer, factory)}({${factory}: ${SUGGESTED_L2}}).`
  );
}

function callProblem(graph: ModelGraph, layer: LayerNode, reg: RegularizerValue): string | undefined {
  const factorKeys = REGULARIZER_FACTOR_KEYS[reg.factory];
  if (!factorKeys) return undefined;
  const callee = regularizerCallee(graph, layer, reg.factory as 'l1' | 'l2' | 'l1l2');
  const arg = reg.arg;
  if (arg === undefined || arg === null || arg === UNKNOWN) return undefined;
  if (isConfigObject(arg)) {
    const ignored = Object.keys(arg.props).filter((k) => !factorKeys.includes(k));
    if (ignored.length > 0) {
      return (
        `${reg.factory}() reads only ${factorKeys.map((k) => `'${k}'`).join(' and ')}, so ${ignored.map((k) => `'${k}'`).join(', ')} ` +
        `is ignored and the factor silently falls back to the default 0.01. Write ${callee}({${factorKeys.map((k) => `${k}: ${SUGGESTED_L2}`).join(', ')}}).`
      );
    }
    const nonNumeric = factorKeys.filter((k) => isKnownNonNumber(arg.props[k]));
    if (nonNumeric.length > 0) {
      return `the ${nonNumeric.join(' and ')} factor must be a number. Write ${callee}({${factorKeys.map((k) => `${k}: ${SUGGESTED_L2}`).join(', ')}}).`;
    }
    return undefined;
  }
  // A bare number (or anything else that is not an object) where the config object belongs.
  const given = typeof arg === 'number' ? String(arg) : describeValue(arg);
  const factor = typeof arg === 'number' ? String(arg) : SUGGESTED_L2;
  return (
    `${reg.factory}(${given}) passes ${typeof arg === 'number' ? 'a bare number' : 'a non-object'} where tfjs expects a config object: ` +
    `tfjs 4.x throws "Argument to L1L2 regularizer's constructor is expected to be an object", and older versions ` +
    `ignored it and used the default 0.01. Write ${callee}({${factorKeys.map((k) => `${k}: ${factor}`).join(', ')}}).`
  );
}

/** A value that is surely there and surely not a number (a string factor, say). */
function isKnownNonNumber(value: ConfigValue): boolean {
  return value !== UNKNOWN && value !== undefined && value !== null && typeof value !== 'number';
}

function describeValue(value: ConfigValue): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return '[...]';
  return '...';
}
