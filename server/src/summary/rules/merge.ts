// Merge layers in functional models: concatenate (sizes add up on `axis`) and the
// elementwise ones (add, average, multiply, maximum, minimum), which broadcast like tfjs's
// Merge.computeElementwiseOpOutputShape. All have no weights. tfjs needs >= 2 inputs.
import { normalizeAxis, withRank } from '../dims';
import { outcome, UNKNOWN, type Dim, type Shape, type ShapeRule } from '../types';

function knownShapes(inputs: Shape[] | typeof UNKNOWN): Dim[][] | undefined {
  if (inputs === UNKNOWN || inputs.length < 2) return undefined;
  const shapes = inputs.map((s) => withRank(s));
  return shapes.every((s): s is Dim[] => s !== undefined) ? shapes : undefined;
}

/** Any open size makes the sum open (tfjs), else any unknown one makes it unknown. */
function sumAlongAxis(sizes: Dim[]): Dim {
  if (sizes.includes(null)) return null;
  if (sizes.includes(UNKNOWN)) return UNKNOWN;
  return (sizes as number[]).reduce((a, b) => a + b, 0);
}

const concatenate: ShapeRule = ({ config, inputs }) => {
  const shapes = knownShapes(inputs);
  const axis = config.int('axis', -1, -Infinity);
  if (!shapes || axis === UNKNOWN || !shapes.every((s) => s.length === shapes[0].length)) return outcome(UNKNOWN, 0);
  const at = normalizeAxis(axis, shapes[0].length);
  if (at === undefined) return outcome(UNKNOWN, 0);
  const out = shapes[0].slice();
  out[at] = sumAlongAxis(shapes.map((s) => s[at]));
  return outcome(out, 0);
};

/** One aligned pair of sizes under broadcasting, assuming the model is valid. */
function broadcastDim(i: Dim, j: Dim): Dim {
  if (i === null || j === null) return null;
  if (i === UNKNOWN || j === UNKNOWN) {
    const other = i === UNKNOWN ? j : i;
    return other !== UNKNOWN && other !== 1 ? other : UNKNOWN;
  }
  return i === 1 ? j : i;
}

function broadcast(a: Dim[], b: Dim[]): Dim[] {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const lead = long.slice(0, long.length - short.length);
  return [...lead, ...short.map((j, k) => broadcastDim(long[lead.length + k], j))];
}

const elementwise: ShapeRule = ({ inputs }) => {
  const shapes = knownShapes(inputs);
  if (!shapes || shapes.some((s) => s.length === 0)) return outcome(UNKNOWN, 0);
  const features = shapes.map((s) => s.slice(1)).reduce(broadcast);
  const batches = shapes.map((s) => s[0]);
  if (batches.includes(UNKNOWN)) return outcome([UNKNOWN, ...features], 0);
  const defined = [...new Set(batches.filter((b) => b !== null))];
  return outcome([defined.length === 1 ? defined[0] : null, ...features], 0);
};

export const mergeRules: Record<string, ShapeRule> = {
  concatenate,
  add: elementwise,
  average: elementwise,
  multiply: elementwise,
  maximum: elementwise,
  minimum: elementwise,
};
