// Pure: money travels as integer minor units of its currency. How many digits a currency's minor
// unit has is decided here once, for the importer, the export and the amount inputs alike.

/** Digits after the decimal point in a currency: 2 for EUR, 0 for JPY, 3 for KWD; 2 for a code Intl does not know. */
const digits = new Map<string, number>();

export function minorDigits(currency: string): number {
  let n = digits.get(currency);
  if (n === undefined) {
    try {
      n = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      n = 2;
    }
    digits.set(currency, n);
  }
  return n;
}
