// The OpenAPI document (/api/openapi.json) as the tests that walk it read it. It is no /api/v1 route, so the
// typed client answers it as unknown; this describes the parts they read and checks the body is one.
import { type Static, Type } from 'typebox';
import Value from 'typebox/value';

const Operation = Type.Object({
  parameters: Type.Optional(Type.Array(Type.Object({ name: Type.String(), in: Type.String() }))),
  requestBody: Type.Optional(Type.Object({ content: Type.Optional(Type.Record(Type.String(), Type.Object({ schema: Type.Optional(Type.Unknown()) }))) })),
  responses: Type.Optional(Type.Record(Type.String(), Type.Object({ content: Type.Optional(Type.Record(Type.String(), Type.Unknown())) }))),
});

const OpenApiDocument = Type.Object({
  openapi: Type.String(),
  /** Path → method → operation. */
  paths: Type.Record(Type.String(), Type.Record(Type.String(), Operation)),
  /** The named schemas a `$ref` points to. */
  components: Type.Optional(Type.Object({ schemas: Type.Optional(Type.Record(Type.String(), Type.Unknown())) })),
});
export type OpenApiDocument = Static<typeof OpenApiDocument>;

/** The OpenAPI document's body read as such; throws, naming what does not fit, when it is not one. */
export function openApi(body: unknown): OpenApiDocument {
  if (Value.Check(OpenApiDocument, body)) return body;
  const errors = [...Value.Errors(OpenApiDocument, body)].slice(0, 5);
  throw new Error(`not the OpenAPI document the tests read: ${errors.map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON schema's properties: an object schema's, none for any other. */
export const propertiesOf = (schema: unknown): Record<string, unknown> => (isObject(schema) && isObject(schema.properties) ? schema.properties : {});
