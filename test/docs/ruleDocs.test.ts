// Every rule has its documentation beside it (server/src/rules/<id>/README.md; we keep docs
// with the rule rather than in docs/rules/), the diagnostics' codeDescription, SARIF's
// helpUri and ESLint's docs.url point at it (the docs base URL + its path, which the package
// ships: test/package), and each page has what the issue asks for: what it reports, why it
// matters (with a cited source), a bad and a good example, options, and the fix.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../server/src/rules';
import { docsBaseUrl, ruleDocUrl } from '../../server/src/docs/docLinks';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const REQUIRED_SECTIONS = ['What it reports', 'Why it matters', 'Bad', 'Good', 'Options', 'What the fix does'];

/** The file a doc URL points at, in this repository (the package has the same layout). */
function localPathOf(url: string): string {
  const base = docsBaseUrl();
  assert.ok(url.startsWith(base), url);
  return path.join(REPO_ROOT, url.slice(base.length));
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
  it('the doc links are the base URL and the page path in this repository', () => {
    assert.equal(localPathOf(ruleDocUrl('x')), path.join(REPO_ROOT, 'server/src/rules/x/README.md'));
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
