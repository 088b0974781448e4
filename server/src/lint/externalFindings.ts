// Findings on layers built by another file's code (a helper imported from it), found while
// linting the file that uses them. Such a finding is shown here, at the call that leads
// there, only when that file's own lint cannot say it (its helper's layer escapes it, and
// only the way this file uses it shows it is unregularized); otherwise that file says it,
// where the fix belongs, and this one stays quiet.
import * as path from 'node:path';
import type { ModelGraph } from '../analysis/modelGraph';
import type { Finding } from '../rules/rule';
import type { CrossFileLint } from './lintText';

export function placeExternalFindings(graph: ModelGraph, findings: Finding[], crossFile: CrossFileLint): Finding[] {
  const out: Finding[] = [];
  for (const finding of findings) {
    const layer = finding.layer === undefined ? undefined : graph.layers[finding.layer];
    const origin = layer?.origin;
    if (!layer || !origin) {
      out.push(finding);
      continue;
    }
    if (crossFile.findingsOf(origin.file).has(`${finding.ruleId}@${origin.nameSpan.start}`)) continue;
    out.push({
      ...finding,
      span: layer.nameSpan,
      message: `${finding.message} (It is built in ${path.basename(origin.file)}:${origin.line}.)`,
    });
  }
  return out;
}
