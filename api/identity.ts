// Login, sessions, API tokens, users, teams, invitations, workspace settings.
import { type Static, Type } from 'typebox';
import { Currency, Id, Instant, NonEmpty, NullableId, NullableInstant, Role, Version } from './common.js';

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 10, maxLength: 200, description: 'At least 10 characters' });

export const LoginBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const Workspace = Type.Object({
  id: Id,
  name: Type.String(),
  slug: Type.String(),
  currency: Currency,
  timezone: Type.String(),
  fiscalYearStartMonth: Type.Integer({ minimum: 1, maximum: 12 }),
  version: Version,
});
export type Workspace = Static<typeof Workspace>;

export const WorkspacePatch = Type.Object(
  {
    version: Version,
    name: Type.Optional(NonEmpty(120)),
    currency: Type.Optional(Currency),
    timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Berlin' })),
    fiscalYearStartMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
  },
  { additionalProperties: false },
);
export type WorkspacePatch = Static<typeof WorkspacePatch>;

export const Me = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  role: Role,
  teamId: NullableId,
  /** Teams this user manages (directly); their subtrees are visible to them. */
  managesTeamIds: Type.Array(Id),
});
export type Me = Static<typeof Me>;

export const SessionInfo = Type.Object({ user: Me, workspace: Workspace, csrfToken: Type.String() });
export type SessionInfo = Static<typeof SessionInfo>;

export const SetupStatus = Type.Object({ needed: Type.Boolean({ description: 'true until the first workspace and admin exist' }) });
export const SetupBody = Type.Object(
  {
    workspaceName: NonEmpty(120),
    name: NonEmpty(120),
    email: Email,
    password: Password,
    currency: Type.Optional(Currency),
    timezone: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type SetupBody = Static<typeof SetupBody>;

export const User = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  role: Role,
  teamId: NullableId,
  disabled: Type.Boolean(),
  createdAt: Instant,
  version: Version,
});
export type User = Static<typeof User>;

export const UserCreate = Type.Object(
  { email: Email, name: NonEmpty(120), role: Role, teamId: Type.Optional(NullableId), password: Password },
  { additionalProperties: false },
);
export type UserCreate = Static<typeof UserCreate>;

export const UserPatch = Type.Object(
  {
    version: Version,
    name: Type.Optional(NonEmpty(120)),
    role: Type.Optional(Role),
    teamId: Type.Optional(NullableId),
    disabled: Type.Optional(Type.Boolean({ description: 'Disabling ends every session and token of the user' })),
    password: Type.Optional(Password),
  },
  { additionalProperties: false },
);
export type UserPatch = Static<typeof UserPatch>;

export const PasswordChange = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Password },
  { additionalProperties: false },
);

export const Team = Type.Object({
  id: Id,
  name: Type.String(),
  parentId: NullableId,
  managerId: NullableId,
  memberCount: Type.Integer(),
  version: Version,
});
export type Team = Static<typeof Team>;

export const TeamCreate = Type.Object(
  { name: NonEmpty(120), parentId: Type.Optional(NullableId), managerId: Type.Optional(NullableId) },
  { additionalProperties: false },
);
export type TeamCreate = Static<typeof TeamCreate>;

export const TeamPatch = Type.Object(
  { version: Version, name: Type.Optional(NonEmpty(120)), parentId: Type.Optional(NullableId), managerId: Type.Optional(NullableId) },
  { additionalProperties: false },
);
export type TeamPatch = Static<typeof TeamPatch>;

export const ApiToken = Type.Object({
  id: Id,
  name: Type.String(),
  prefix: Type.String({ description: 'First characters of the token, to recognise it' }),
  createdAt: Instant,
  lastUsedAt: NullableInstant,
  revokedAt: NullableInstant,
});
export type ApiToken = Static<typeof ApiToken>;

export const ApiTokenCreate = Type.Object({ name: NonEmpty(80) }, { additionalProperties: false });
export const ApiTokenCreated = Type.Object({
  token: ApiToken,
  secret: Type.String({ description: 'Shown once. Send as "Authorization: Bearer <secret>"' }),
});
export type ApiTokenCreated = Static<typeof ApiTokenCreated>;

export const Invitation = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  role: Role,
  teamId: NullableId,
  createdAt: Instant,
  expiresAt: Instant,
  acceptedAt: NullableInstant,
  revokedAt: NullableInstant,
});
export type Invitation = Static<typeof Invitation>;

export const InvitationCreate = Type.Object(
  { email: Email, name: NonEmpty(120), role: Role, teamId: Type.Optional(NullableId) },
  { additionalProperties: false },
);
export type InvitationCreate = Static<typeof InvitationCreate>;

export const InvitationCreated = Type.Object({
  invitation: Invitation,
  acceptUrl: Type.String({ description: 'Send this link to the invitee; shown once' }),
});

export const InvitationAccept = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }), password: Password }, { additionalProperties: false });
