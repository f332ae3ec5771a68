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
    // A JSON true reaches the rule as "true" when the HTTP layer coerces it to the union's text branch.
    expect(validateCustomValues(defs, { pilot: 'true' }).values).toEqual({ pilot: true });
  });

  it('names every bad value', () => {
    const { problems } = validateCustomValues(defs, { segment: 'Huge', seats: 'many', golive: '2027-02-30x', pilot: 'yes', colour: 'red' });
    expect(problems.map((p) => p.field).sort()).toEqual(['custom.colour', 'custom.golive', 'custom.pilot', 'custom.seats', 'custom.segment']);
  });
});
