// How a history row's values read, formatted like the rest of the app (the server names the fields).
import { formatCalendarDate, formatMoney } from '../../app/format';

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** "Close date" → "close date" inside a sentence; "MEDDPICC: …" keeps its capitals. */
export const inSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label);

/** One side of a change; `label` is the server's readable name where the raw value is an id. */
export function fieldValue(field: string, raw: string | null, label: string | null, currency: string | null): string {
  if (label) return label;
  if (raw === null || raw === '') return '—';
  switch (snake(field)) {
    case 'amount':
      return currency && /^\d+$/.test(raw) ? formatMoney(Number(raw), currency) : raw;
    case 'close_date':
      return formatCalendarDate(raw);
    case 'shared':
    case 'deleted':
      return raw === '1' || raw === 'true' ? 'Yes' : 'No';
    case 'status':
      return raw.charAt(0).toUpperCase() + raw.slice(1);
    default:
      return raw;
  }
}

export const isStageField = (field: string) => snake(field) === 'stage_id';
