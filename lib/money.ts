// Pure: money travels as integer minor units of its currency. How many digits a currency's minor
// unit has is decided here once, for the importer, the export and the amount inputs alike.

/** Digits after the decimal point in a currency: 2 for EUR, 0 for JPY, 3 for KWD; 2 for a code Intl does not know. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}
