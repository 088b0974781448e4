/** `1 problem`, `2 problems`: the word for `count` (`plural` when not just word + s). */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return count === 1 ? word : pluralWord;
}
