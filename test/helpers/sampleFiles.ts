// The model files tests can run over: bundled examples and the independently written corpus.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SOURCE_EXTENSIONS } from '../../server/src/cli/findFiles';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface SampleFile {
  name: string;
  path: string;
  text: string;
}

export function loadSampleFiles(dirs = ['examples', 'test/corpus']): SampleFile[] {
  const out: SampleFile[] = [];
  for (const dir of dirs) {
    const abs = path.join(REPO_ROOT, dir);
    if (!fs.existsSync(abs)) continue;
    for (const name of fs.readdirSync(abs).sort()) {
      if (!SOURCE_EXTENSIONS.some(ext => name.endsWith(`.${ext}`))) continue;
      const file = path.join(abs, name);
      out.push({ name: `${dir}/${name}`, path: file, text: fs.readFileSync(file, 'utf8') });
    }
  }
  return out;
}
