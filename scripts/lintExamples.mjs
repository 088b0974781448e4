// `npm start`: lint examples/ with the freshly built CLI. The examples contain findings
// on purpose, so reglint's "findings at error level" exit code (1) is success here and
// npm does not bury the report under its own "script failed" lines; usage or internal
// errors (exit 2) still fail.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { status, error } = spawnSync(process.execPath, [join(root, 'bin/reglint.js'), 'examples', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
if (error) throw error;
process.exitCode = status === 0 || status === 1 ? 0 : (status ?? 2);
