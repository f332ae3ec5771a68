// The text and number rules every input meets, whichever way it arrives: a request (the server's
// input guard, server/http/input-guard.ts) or a CSV cell (an import checks them row by row).
// - no NUL or unpaired UTF-16 surrogate: PostgreSQL refuses NUL with a 500 ("invalid byte
//   sequence") and SQLite stores a lone surrogate as U+FFFD, so a duplicate check compares
//   something other than what is stored;
// - no number beyond ±2^53: never a valid count, id, version or amount (JSON allows 1e308).

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this looks for
export const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const BAD_TEXT_MESSAGE = 'must not contain NUL or unpaired surrogate characters';

export const hasBadText = (text: string): boolean => BAD_TEXT.test(text);

export const isOutOfRange = (n: number): boolean => !Number.isSafeInteger(n) && Math.abs(n) > Number.MAX_SAFE_INTEGER;

/**
 * The text with each unpaired surrogate replaced by NUL, for text about to be encoded as UTF-8 (a
 * CSV parser does that): encoding would silently make it U+FFFD, while NUL survives and still
 * breaks the rule, so the piece holding it is refused as the surrogate would have been.
 */
export const markLoneSurrogates = (text: string): string => text.replace(LONE_SURROGATES, '\u0000');
