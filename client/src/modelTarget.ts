// Which model a command acts on: the one its arguments name (a CodeLens sends {uri,
// modelIndex}; the explorer a Uri), else the one at the cursor in the active editor.
import { Uri, window } from 'vscode';

export interface ModelTarget {
  uri?: string;
  modelIndex?: number;
  /** 0-based line: the model defined at or above it. */
  line?: number;
}

/** The target with a uri, or undefined (after saying why) when there is no editor to take it from. */
export function modelTarget<T extends ModelTarget>(given: T | Uri | undefined, doing: string): (T & { uri: string }) | undefined {
  const args = (given instanceof Uri ? { uri: given.toString() } : { ...given }) as T;
  if (args.uri) return args as T & { uri: string };
  const editor = window.activeTextEditor;
  if (!editor) {
    void window.showErrorMessage(`Reglint: open a file with a TensorFlow.js model to ${doing}.`);
    return undefined;
  }
  const target = { ...args, uri: editor.document.uri.toString() };
  if (target.modelIndex === undefined) target.line = editor.selection.active.line;
  return target;
}
