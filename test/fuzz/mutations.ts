// Mutation operators for fuzzing model files: the kinds of damage an editor buffer sees
// mid-typing, plus hostile input (binary bytes, huge literals, deep nesting, odd encodings).
import fc from 'fast-check';

const TOKENS = [
  '(', ')', '{', '}', '[', ']', ',', ';', ':', '=>', '...', '"', "'", '`', '${', '/*', '*/', '//',
  '\n', '\r\n', '\t', '\uFEFF', '\uFFFD', '\u0000', '\uD800', 'tf.layers.dense(', 'model.add(',
  '.apply(', 'tf.sequential({layers: [', 'kernelRegularizer: ', 'tf.regularizers.l2(', '{rate: ',
  'class X extends tf.Sequential {', 'function f(', 'for (;;) {', 'if (x) ', 'const ', 'let x = ',
  'import * as tf from "@tensorflow/tfjs";', '// reglint-disable-next-line ', '/* reglint-disable */',
];

export type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; token: string }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'hugeLiteral'; at: number; size: number }
  | { op: 'deepNesting'; at: number; depth: number }
  | { op: 'crlf' }
  | { op: 'binary'; at: number; bytes: number[] };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), token: fc.string({ maxLength: 20 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 2000 }) }),
  fc.record({ op: fc.constant('hugeLiteral' as const), at: fc.nat(), size: fc.integer({ min: 1000, max: 200000 }) }),
  fc.record({ op: fc.constant('deepNesting' as const), at: fc.nat(), depth: fc.integer({ min: 10, max: 3000 }) }),
  fc.record({ op: fc.constant('crlf' as const) }),
  fc.record({ op: fc.constant('binary' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }) }),
);

export function applyMutation(text: string, m: Mutation): string {
  const at = 'at' in m ? m.at % (text.length + 1) : 0;
  switch (m.op) {
    case 'truncate': return text.slice(0, at);
    case 'delete': return text.slice(0, at) + text.slice(at + m.length);
    case 'insert': return text.slice(0, at) + m.token + text.slice(at);
    case 'duplicate': return text.slice(0, at) + text.slice(at, at + m.length) + text.slice(at);
    case 'hugeLiteral': return text.slice(0, at) + '"' + 'x'.repeat(m.size) + '" + 1' + '9'.repeat(m.size / 10) + text.slice(at);
    case 'deepNesting': return text.slice(0, at) + '('.repeat(m.depth) + '[{'.repeat(m.depth / 4) + text.slice(at);
    case 'crlf': return text.replace(/\r?\n/g, '\r\n');
    // Raw bytes decoded as latin1 and as (possibly invalid) UTF-8, as an editor would.
    case 'binary': {
      const buf = Buffer.from(m.bytes);
      return text.slice(0, at) + buf.toString('latin1') + buf.toString('utf8') + text.slice(at);
    }
  }
}
