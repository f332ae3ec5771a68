// Health endpoints for load balancers and orchestrators (outside /api/v1, no sign-in).
import { type Static, Type } from 'typebox';

export const Ready = Type.Object({
  status: Type.Literal('ready'),
  database: Type.String({ description: 'sqlite or postgres' }),
});

export const NotReady = Type.Object({
  status: Type.Literal('not_ready'),
  reason: Type.String({ description: 'Why this node should not receive traffic yet' }),
  pendingMigrations: Type.Optional(Type.Array(Type.String())),
});
export type NotReady = Static<typeof NotReady>;
