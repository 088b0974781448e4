// Where a diagnostic's `codeDescription.href` and a hover's rule link point. By default at
// the documentation base URL (docs/docLinks.ts), as for the CLI and ESLint. A client that
// ships the pages itself and can open them (the VS Code extension) says so in
// `initializationOptions.bundledDocs`, and the links then lead to its copy:
//  - `uri`: a URI its URI handler opens. VS Code opens a diagnostic's code link with its
//    opener service but never runs a `command:` link from there (the hover passes no
//    `allowCommands`), while its own `<scheme>://<extension id>` URIs reach the extension.
//  - `command`: for markdown, where that scheme is not an allowed link target but a
//    trusted command link is (the client trusts this one command).
// Both are given the page's path inside the package (docs/docLinks.ts ruleDocPath).
import { ruleDocPath, ruleDocUrl } from '../docs/docLinks';

export interface BundledDocs {
  /** The client opens `${uri}/${page path}`. */
  uri: string;
  /** The client runs this command with the page path as its one argument. */
  command: string;
}

export class RuleDocLinks {
  static readonly standard = new RuleDocLinks(undefined);

  private constructor(private readonly bundled: BundledDocs | undefined) {}

  /** From `initializationOptions`; anything malformed there means the standard links. */
  static fromInitializationOptions(options: unknown): RuleDocLinks {
    const bundled = (options as { bundledDocs?: Partial<BundledDocs> } | null | undefined)?.bundledDocs;
    if (typeof bundled?.uri !== 'string' || typeof bundled.command !== 'string' || !/^[a-z][\w+.-]*:/i.test(bundled.uri)) {
      return RuleDocLinks.standard;
    }
    return new RuleDocLinks({ uri: bundled.uri.replace(/\/+$/, ''), command: bundled.command });
  }

  /** For `codeDescription.href`. */
  diagnosticHref(ruleId: string): string {
    return this.bundled ? `${this.bundled.uri}/${ruleDocPath(ruleId)}` : ruleDocUrl(ruleId);
  }

  /** For a markdown link (hover). */
  markdownHref(ruleId: string): string {
    if (!this.bundled) return ruleDocUrl(ruleId);
    return `command:${this.bundled.command}?${encodeURIComponent(JSON.stringify([ruleDocPath(ruleId)]))}`;
  }
}
