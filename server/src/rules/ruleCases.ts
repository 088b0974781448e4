// The shape of a rule's test table (`<id>/cases.ts`), after typescript-eslint's RuleTester:
// valid snippets must produce no finding from the rule, invalid ones exactly the listed
// findings. The tables are the rules' executable specification.

export interface ValidCase {
  /** Names the mocha test: say what situation the snippet shows. */
  name: string;
  code: string;
}

export interface ExpectedFinding {
  /** 1-based line of the finding's start (the layer's factory name, usually). */
  line: number;
  /** 1-based column, when it matters. */
  column?: number;
  /** A substring the message must contain. */
  messageIncludes?: string;
}

export interface InvalidCase {
  name: string;
  code: string;
  /** In source order. */
  errors: ExpectedFinding[];
}

export interface RuleCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/**
 * Template tag for snippets: drops the first line break and the common indentation, so a
 * table can indent its code and line 1 is the first line after the opening backtick.
 */
export function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((text, part, i) => text + part + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join('\n');
}
