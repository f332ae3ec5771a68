// "3 first touches", "1 first touch", "1 MQL": a count followed by what it counts. KPI labels are
// written as plural noun phrases in sentence case ("First touches", "MQLs delivered in committed
// segments") for headings; after a number the phrase goes lower case, except acronyms (MQL, SAL, SQL),
// and a count of one takes the singular.

/** An acronym keeps its case: two capitals or more ("MQLs", "(SAL)"). */
const isAcronym = (word: string): boolean => (word.match(/[A-Z]/g)?.length ?? 0) >= 2;

/** A word read as a plural: ends in s, but not in ss / us / is ("business", "status", "analysis"). */
const isPlural = (word: string): boolean => /[^sui]s$/i.test(word) || /ies$/i.test(word);

/** A heading's label as it reads inside a sentence: lower case but for acronyms ("MQLs delivered"). */
export const inSentence = (label: string): string =>
  label
    .trim()
    .split(/\s+/)
    .map((w) => (isAcronym(w) ? w : w.toLowerCase()))
    .join(' ');

function singular(word: string): string {
  if (/[^aeiou]ies$/i.test(word)) return `${word.slice(0, -3)}${word.at(-3) === 'I' ? 'Y' : 'y'}`;
  if (/(ch|sh|ss|x|z)es$/i.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/**
 * The head noun of a label is its first plural word among the first two ("First touches", "Open
 * deals closing…"); later words belong to a qualifier ("Won in the last 14 days…") and stay as written.
 */
function singularLabel(words: string[]): string[] {
  const at = words.slice(0, 2).findIndex(isPlural);
  return at < 0 ? words : words.map((w, i) => (i === at ? singular(w) : w));
}

/**
 * The count and the label, in the form that reads after a number. `format` renders the number
 * (locale grouping); null (no count) reads as a dash with the plural.
 */
export function counted(n: number | null, label: string, format: (n: number) => string = String): string {
  const lowered = inSentence(label).split(' ');
  const phrase = (n === 1 ? singularLabel(lowered) : lowered).join(' ');
  return `${n === null ? '—' : format(n)} ${phrase}`;
}
