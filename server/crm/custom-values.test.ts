import { describe, expect, it } from 'vitest';
import { type CustomFieldDef, validateCustomValues } from './custom-values.js';

const defs: CustomFieldDef[] = [
  { key: 'segment', label: 'Segment', type: 'select', options: ['SMB', 'Enterprise'] },
  { key: 'seats', label: 'Seats', type: 'number', options: null },
  { key: 'golive', label: 'Go-live', type: 'date', options: null },
  { key: 'pilot', label: 'Pilot', type: 'boolean', options: null },
];

describe('custom values', () => {
  it('normalises valid values and clears empty ones', () => {
    expect(validateCustomValues(defs, { segment: 'SMB', seats: '25', golive: '2027-02-28', pilot: false, segment2: undefined as never })).toMatchObject({
      values: { segment: 'SMB', seats: 25, golive: '2027-02-28', pilot: false },
    });
    expect(validateCustomValues(defs, { seats: '' }).values).toEqual({ seats: null });
    expect(validateCustomValues(defs, { pilot: true }).values).toEqual({ pilot: true });
    // Bodies are no longer coerced, so the text "true" is not a yes/no answer.
    expect(validateCustomValues(defs, { pilot: 'true' }).problems.map((p) => p.message)).toEqual(['must be true or false']);
  });

  it('names every bad value', () => {
    const { problems } = validateCustomValues(defs, { segment: 'Huge', seats: 'many', golive: '2027-02-30x', pilot: 'yes', colour: 'red' });
    expect(problems.map((p) => p.field).sort()).toEqual(['custom.colour', 'custom.golive', 'custom.pilot', 'custom.seats', 'custom.segment']);
  });
});
