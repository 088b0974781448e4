// file: URIs → paths, for the parts of the server that read the file system.
import { fileURLToPath } from 'node:url';

/** The path of a file: URI; undefined for other schemes or a malformed URI. */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
