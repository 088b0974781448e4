// Every rule has its documentation beside it (server/src/rules/<id>/README.md; we keep docs
// with the rule rather than in docs/rules/), the diagnostics' codeDescription and SARIF's
// helpUri point at it, and each page has what the issue asks for: what it reports, why it
// matters (with a cited source), a bad and a good example, options, and the fix.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../server/src/rules';
import { DOCS_BASE_URL, ruleDocUrl } from '../../server/src/rules/rule';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const REQUIRED_SECTIONS = ['What it reports', 'Why it matters', 'Bad', 'Good', 'Options', 'What the fix does'];

/** The file a doc URL points at, in this repository. */
function localPathOf(url: string): string {
  const prefix = 'https://github.com/reglint/reglint/blob/main/';
  assert.ok(url.startsWith(prefix), url);
  return path.join(REPO_ROOT, url.slice(prefix.length));
}

function sections(markdown: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of markdown.split(/^## /m).slice(1)) {
    const newline = part.indexOf('\n');
    map.set(part.slice(0, newline).trim(), part.slice(newline + 1));
  }
  return map;
}

describe('rule documentation', () => {
  it('the doc links point into this repository', () => {
    assert.equal(localPathOf(`${DOCS_BASE_URL}/x/README.md`), path.join(REPO_ROOT, 'server/src/rules/x/README.md'));
  });

  for (const rule of allRules) {
    const id = rule.meta.id;
    describe(id, () => {
      const file = localPathOf(ruleDocUrl(id));

      it('has a doc where its diagnostics link (codeDescription, SARIF helpUri)', () => {
        assert.ok(existsSync(file), `${id} has no documentation at ${path.relative(REPO_ROOT, file)}`);
      });

      it('has every section, each with content', () => {
        const found = sections(readFileSync(file, 'utf8'));
        for (const heading of REQUIRED_SECTIONS) {
          const body = found.get(heading);
          assert.ok(body !== undefined, `${id}: missing "## ${heading}"`);
          assert.ok(body.trim().length > 20, `${id}: "## ${heading}" is empty`);
        }
      });

      it('starts with its id as the title and cites a source for why it matters', () => {
        const markdown = readFileSync(file, 'utf8');
        assert.ok(markdown.startsWith(`# ${id}\n`), `${id}: title`);
        const why = (sections(markdown).get('Why it matters') ?? '').replace(/\s+/g, ' ');
        // A paper (authors, *title*, venue and year), e.g. "Srivastava et al. (*Dropout*, JMLR 2014)".
        assert.match(why, /\b[A-Z][a-z]+( et al\.| & [A-Z][a-z]+)?(,| \() ?\*[^*]+\*, [A-Z][A-Za-z]* ?(19|20)\d{2}\b/, `${id}: "Why it matters" cites no paper`);
      });

      it('documents its severity options', () => {
        const options = sections(readFileSync(file, 'utf8')).get('Options') ?? '';
        assert.ok(options.includes(`"${id}"`) && options.includes(`reglint.rules.${id}`), `${id}: options name the setting keys`);
      });
    });
  }
});
