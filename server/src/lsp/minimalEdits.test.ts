import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits } from '../fixes';
import { minimalEdits } from './minimalEdits';

describe('minimalEdits', () => {
  it('turns the old text into the new one with sorted, non-overlapping edits', () => {
    const line = fc.constantFrom('a', 'b', 'model.add(x);', '', '  }', 'c\r');
    const text = fc.array(line, { maxLength: 12 }).chain(lines =>
      fc.constantFrom('\n', '\r\n').map(eol => lines.join(eol)));
    fc.assert(fc.property(text, text, (before, after) => {
      const edits = minimalEdits(before, after);
      for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1]!.end <= edits[i]!.start, 'sorted, disjoint');
      assert.equal(applyEdits(before, edits), after);
    }), { numRuns: 500 });
  });

  it('touches only the changed lines', () => {
    const before = 'a\nb\nc\nd\ne\n';
    assert.deepEqual(minimalEdits(before, 'a\nb\nX\nd\ne\n'), [{ start: 4, end: 6, newText: 'X\n' }]);
    assert.deepEqual(minimalEdits(before, 'a\nb\nc\nnew\nd\ne\n'), [{ start: 6, end: 6, newText: 'new\n' }]);
    assert.deepEqual(minimalEdits(before, before), []);
  });
});
