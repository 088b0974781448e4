/** Editors hide a byte-order mark; drop it so columns on line 1 match theirs. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
