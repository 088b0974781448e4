// The JavaScript of an HTML page, for the analysis: the page's text with everything but its
// inline scripts blanked out. Offsets, lines and columns stay those of the HTML file, so
// findings, fixes and edits need no mapping: a fix edits the script where it is.
//
// The page's blocks form one program, as they share the page's globals in the browser (a
// model built in one block and compiled or extended in another is followed across them);
// each block ends with a `;` written into the blanked `</script>`, so one block's last
// statement never runs into the next block's first.
//
// Scripts are found by parse5, the WHATWG-conformant HTML parser (what jsdom and Angular
// use): the HTML spec's rules for where a script's text ends (`</script` in any case, the
// escaped `<!--<script>` states, an unclosed script running to the end) are subtle, and any
// page, however malformed, parses.
import { parse } from 'parse5';

export function isHtmlFile(fileName: string): boolean {
  return /\.x?html?$/i.test(fileName);
}

/** A block of inline script: its text's [start, end) in the page. */
export interface ScriptBlock {
  start: number;
  end: number;
  module: boolean;
}

/** Script types whose text is JavaScript (HTML spec: a JavaScript MIME type essence, or `module`). */
const JAVASCRIPT_TYPES = new Set([
  '', 'module', 'text/javascript', 'application/javascript', 'application/ecmascript', 'application/x-ecmascript',
  'application/x-javascript', 'text/ecmascript', 'text/javascript1.0', 'text/javascript1.1', 'text/javascript1.2',
  'text/javascript1.3', 'text/javascript1.4', 'text/javascript1.5', 'text/jscript', 'text/livescript',
  'text/x-ecmascript', 'text/x-javascript',
  // Not run by the browser itself but by Babel standalone in the page: still the page's JavaScript.
  'text/babel', 'text/jsx',
]);

interface Parse5Node {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Parse5Node[];
  sourceCodeLocation?: { startOffset: number; endOffset: number } | null;
}

/** The inline scripts of a page that the browser runs as JavaScript, in document order. */
export function scriptBlocksOf(html: string): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  const visit = (node: Parse5Node): void => {
    if (node.nodeName === 'script') {
      const block = blockOf(node);
      if (block) blocks.push(block);
      return;
    }
    // <template> content is inert (parse5 keeps it apart in `content`, not visited here).
    for (const child of node.childNodes ?? []) visit(child);
  };
  visit(parse(html, { sourceCodeLocationInfo: true }) as unknown as Parse5Node);
  return blocks;
}

function blockOf(script: Parse5Node): ScriptBlock | undefined {
  const attr = (name: string) => script.attrs?.find((a) => a.name === name)?.value;
  if (attr('src') !== undefined) return undefined; // its inline text, if any, is never run
  const type = (attr('type') ?? '').trim().toLowerCase();
  if (!JAVASCRIPT_TYPES.has(type)) return undefined; // templates, JSON, importmaps, ...
  const text = script.childNodes?.[0]?.sourceCodeLocation;
  if (!text) return undefined; // an empty script
  return { start: text.startOffset, end: text.endOffset, module: type === 'module' };
}

/**
 * The page with everything outside its script blocks replaced by spaces (line breaks kept),
 * a `;` after each block, and legacy `<!--` / `-->` wrappers around a block's code blanked
 * (JavaScript's HTML-like comments, which TypeScript's parser does not take).
 */
export function scriptTextOf(html: string): string {
  const blocks = scriptBlocksOf(html);
  if (blocks.length === 0) return blank(html);
  let out = '';
  let at = 0;
  for (const block of blocks) {
    out += blank(html.slice(at, block.start));
    out += withoutHtmlCommentWrapper(html.slice(block.start, block.end));
    at = block.end;
    if (at < html.length && !/[\r\n]/.test(html[at])) {
      out += ';';
      at++;
    }
  }
  return out + blank(html.slice(at));
}

function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

function withoutHtmlCommentWrapper(code: string): string {
  return code.replace(/^(\s*)<!--/, '$1    ').replace(/-->(\s*)$/, '   $1');
}
