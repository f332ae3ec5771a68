// Request validation: query strings and path parameters arrive as text, so they are coerced to the
// schema's types ("5" → 5, a single value → an array); JSON bodies arrive typed and are taken as sent.
// Coercing bodies too made a JSON null into "" for a nullable text and into 0 for a nullable number
// (Ajv coerces inside the first branch of `T | null` that can take the value), so clearing a field
// wrote a value nobody sent, and "5" passed for a number.
//
// Compiled on first use: Ajv and fast-json-stringify compiling every route's schemas at start were
// over half of the start's CPU (~300 routes, cold start 2.8 s at M). Each route's validator and
// serializer compiles the first time a request needs it, and warm() compiles the rest after the
// server listens, a few at a time between requests, so an invalid schema still shows within
// seconds of a start (logged), not at some later request.
import { createRequire } from 'node:module';
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { AjvCompiler, type Options } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

type Factories = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type ValidatorFactory = NonNullable<Factories['buildValidator']>;
type SerializerFactory = NonNullable<Factories['buildSerializer']>;
type Compiled = ((data: unknown) => unknown) & { errors?: unknown };

// The serializer compiler Fastify itself uses by default, resolved from Fastify's own dependencies
// (the same version; not a dependency of Furrow's).
const fastifyRequire = createRequire(createRequire(import.meta.url).resolve('fastify'));
const defaultSerializers = fastifyRequire('@fastify/fast-json-stringify-compiler') as { SerializerSelector: () => SerializerFactory };

export interface LazySchemas {
  buildValidator: ValidatorFactory;
  buildSerializer: SerializerFactory;
  /** Compiles what no request has needed yet, yielding to requests between schemas. */
  warm(onError: (error: unknown) => void): Promise<void>;
}

export function lazySchemas(): LazySchemas {
  const pending = new Set<() => void>();
  /** A function that compiles on its first call; Fastify reads a validator's `errors` after a call. */
  const lazy = (compile: () => Compiled): Compiled => {
    let fn: Compiled | undefined;
    const ensure = () => {
      pending.delete(ensure);
      fn ??= compile();
      return fn;
    };
    pending.add(ensure);
    const wrapper: Compiled = (data) => {
      const f = ensure();
      const result = f(data);
      wrapper.errors = f.errors;
      return result;
    };
    return wrapper;
  };

  const pool = AjvCompiler();
  const buildValidator: ValidatorFactory = (externalSchemas, options) => {
    const coercing = pool(externalSchemas, options);
    // Fastify types the server's Ajv options as its own subset; the compiler takes any Ajv option.
    const own = (options ?? {}) as { customOptions?: Options };
    const asSent = pool(externalSchemas, { ...own, customOptions: { ...own.customOptions, coerceTypes: false } });
    return (route) => lazy(() => (route.httpPart === 'body' ? asSent : coercing)(route) as Compiled) as never;
  };

  const serializers = defaultSerializers.SerializerSelector();
  const buildSerializer: SerializerFactory = (externalSchemas, options) => {
    const compiler = serializers(externalSchemas, options);
    return (route) => lazy(() => compiler(route) as Compiled) as never;
  };

  return {
    buildValidator,
    buildSerializer,
    async warm(onError) {
      for (const ensure of [...pending]) {
        await yieldToRequests();
        try {
          ensure();
        } catch (error) {
          onError(error);
        }
      }
    },
  };
}
