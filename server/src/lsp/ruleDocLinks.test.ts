import * as assert from 'node:assert/strict';
import { ruleDocUrl } from '../docs/docLinks';
import { RuleDocLinks } from './ruleDocLinks';

describe('RuleDocLinks', () => {
  it('links to the docs base URL by default and for malformed options', () => {
    for (const options of [undefined, null, {}, { bundledDocs: 'x' }, { bundledDocs: { uri: 'no scheme', command: 'c' } }, { bundledDocs: { uri: 'vscode://a.b' } }]) {
      const links = RuleDocLinks.fromInitializationOptions(options);
      assert.equal(links.diagnosticHref('dense-unregularized'), ruleDocUrl('dense-unregularized'), JSON.stringify(options));
      assert.equal(links.markdownHref('dense-unregularized'), ruleDocUrl('dense-unregularized'), JSON.stringify(options));
    }
  });

  it("links to the client's own copy when it ships the pages", () => {
    const links = RuleDocLinks.fromInitializationOptions({ bundledDocs: { uri: 'vscode://reglint.reglint/doc/', command: 'reglint.openDoc' } });
    assert.equal(links.diagnosticHref('conv-unregularized'), 'vscode://reglint.reglint/doc/server/src/rules/conv-unregularized/README.md');
    assert.equal(links.diagnosticHref('unused-disable-directive'), 'vscode://reglint.reglint/doc/docs/disable-directives.md');
    const href = links.markdownHref('conv-unregularized');
    assert.ok(href.startsWith('command:reglint.openDoc?'), href);
    assert.deepEqual(JSON.parse(decodeURIComponent(href.slice('command:reglint.openDoc?'.length))), ['server/src/rules/conv-unregularized/README.md']);
  });
});
