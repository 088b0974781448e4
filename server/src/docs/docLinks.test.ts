import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { version } from '../../../package.json';
import {
  DEFAULT_DOCS_BASE_URL, DOCS_BASE_URL_ENV, docsBaseUrl, docsBaseUrlProblem, linkedDocPaths, ruleDocPath, ruleDocUrl,
} from './docLinks';

// Compiled to out/server/src/docs; the pages are in the source tree.
const REPO_ROOT = path.resolve(__dirname, '../../../..');

describe('documentation links', () => {
  it('default to this version of the package on jsDelivr', () => {
    assert.equal(DEFAULT_DOCS_BASE_URL, `https://cdn.jsdelivr.net/npm/reglint@${version}/`);
    assert.equal(ruleDocUrl('dense-unregularized', {}), `${DEFAULT_DOCS_BASE_URL}server/src/rules/dense-unregularized/README.md`);
  });

  it(`take their base from ${DOCS_BASE_URL_ENV}, with or without the trailing slash`, () => {
    const env = { [DOCS_BASE_URL_ENV]: 'https://docs.example.com/reglint' };
    assert.equal(ruleDocUrl('conv-unregularized', env), 'https://docs.example.com/reglint/server/src/rules/conv-unregularized/README.md');
    assert.equal(docsBaseUrl({ [DOCS_BASE_URL_ENV]: 'https://docs.example.com/reglint/' }), 'https://docs.example.com/reglint/');
    assert.equal(docsBaseUrlProblem(env), undefined);
  });

  it(`ignore a ${DOCS_BASE_URL_ENV} that is not an absolute URL, and say why`, () => {
    const env = { [DOCS_BASE_URL_ENV]: 'docs/here' };
    assert.equal(docsBaseUrl(env), DEFAULT_DOCS_BASE_URL);
    assert.match(docsBaseUrlProblem(env) ?? '', /REGLINT_DOCS_BASE_URL="docs\/here" is not an absolute URL/);
    assert.equal(docsBaseUrl({ [DOCS_BASE_URL_ENV]: '  ' }), DEFAULT_DOCS_BASE_URL);
  });

  it('send unused-disable-directive to the page about directives', () => {
    assert.equal(ruleDocPath('unused-disable-directive'), 'docs/disable-directives.md');
  });

  it('name only pages that exist in the repository', () => {
    const paths = linkedDocPaths();
    assert.ok(paths.length >= 12, paths.join(', '));
    for (const page of paths) assert.ok(existsSync(path.join(REPO_ROOT, page)), `${page} is linked but missing`);
  });
});
