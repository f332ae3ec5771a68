// How the Year page words its figures: shares as whole percents, days whole, deals to one decimal.
export const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 100)} %`);
export const days = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v)} days`);
export const count = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v >= 10 ? String(Math.round(v)) : v.toFixed(1));
/** "Mar" from a month key's label ("March 2027"). */
export const shortLabel = (label: string) => label.slice(0, 3);
