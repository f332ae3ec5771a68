// Users and teams from a sheet (name, email, role, team, parent team, manager): the moving-in path
// for a sales organisation's people. All rows or none; re-running the same sheet changes nothing.
import { type Static, Type } from 'typebox';
import { Password } from './identity.js';

export const PeopleImportBody = Type.Object(
  {
    csv: Type.String({ minLength: 1, maxLength: 5_000_000, description: 'CSV text with a header row; comma, semicolon or tab separated' }),
    dryRun: Type.Optional(Type.Boolean({ description: 'Check and count without writing' })),
    initialPassword: Type.Optional({
      ...Password,
      description: 'Password every new user starts with (they change it from the user menu); required when the sheet adds users',
    }),
  },
  { additionalProperties: false },
);
export type PeopleImportBody = Static<typeof PeopleImportBody>;

const Counts = Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() });

export const PeopleImportResult = Type.Object({
  ok: Type.Boolean(),
  dryRun: Type.Boolean(),
  rows: Type.Integer(),
  teams: Counts,
  users: Counts,
  errors: Type.Array(Type.Object({ line: Type.Integer(), field: Type.Optional(Type.String()), message: Type.String() })),
});
export type PeopleImportResult = Static<typeof PeopleImportResult>;

/** The columns a sheet may have (headers compare without case or extra spaces, as every import's do). */
export const PEOPLE_COLUMNS = {
  name: ['name', 'full name', 'user', 'person'],
  email: ['email', 'e-mail', 'email address', 'login'],
  role: ['role', 'furrow role'],
  team: ['team', 'office', 'team name'],
  parentTeam: ['parent team', 'parent', 'region', 'division'],
  manager: ['manager', 'manager email', 'reports to'],
} as const;
