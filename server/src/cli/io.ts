// What a CLI command may touch of the outside world, passed in so commands can be run
// (and tested) without a process of their own.
export interface OutputStream {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Directory relative paths and globs are resolved against. */
  cwd: string;
  /** Whether stdout is a terminal that understands ANSI colours. */
  color: boolean;
}

/** Exit codes, as ESLint uses them. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE_OR_INTERNAL = 2;

/** A mistake in how reglint was invoked: reported without a stack, exit code 2. */
export class UsageError extends Error {}
