// Request validation: query strings and path parameters arrive as text, so they are coerced to the
// schema's types ("5" → 5, a single value → an array); JSON bodies arrive typed and are taken as sent.
// Coercing bodies too made a JSON null into "" for a nullable text and into 0 for a nullable number
// (Ajv coerces inside the first branch of `T | null` that can take the value), so clearing a field
// wrote a value nobody sent, and "5" passed for a number.
import { AjvCompiler, type Options } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

type ValidatorFactory = NonNullable<NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator']>;

export function typedBodies(): ValidatorFactory {
  const pool = AjvCompiler();
  return (externalSchemas, options) => {
    const coercing = pool(externalSchemas, options);
    // Fastify types the server's Ajv options as its own subset; the compiler takes any Ajv option.
    const own = (options ?? {}) as { customOptions?: Options };
    const asSent = pool(externalSchemas, { ...own, customOptions: { ...own.customOptions, coerceTypes: false } });
    return (route) => (route.httpPart === 'body' ? asSent : coercing)(route);
  };
}
