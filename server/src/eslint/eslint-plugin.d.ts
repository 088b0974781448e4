// The types of `reglint/eslint-plugin` (dist/eslint-plugin.js, built from ./plugin.ts),
// for `eslint.config.ts`/`.mts`. Copied to dist/ by scripts/build.mjs.
import type { ESLint, Linter } from 'eslint';

declare const plugin: ESLint.Plugin & {
  configs: {
    /** Every rule at its default severity (info and hint as warnings). */
    recommended: Linter.Config;
    /** Every rule an error. */
    strict: Linter.Config;
  };
};

export = plugin;
