// What the request log may show of a request: never a secret. Headers are redacted by path in
// app.ts; a calendar feed carries its secret in the URL path, so the URL is redacted here.
import type { FastifyRequest } from 'fastify';

const SECRET_PATHS = [/^(\/feeds\/calendar\/)[^/?#]+/];

export function redactUrl(url: string): string {
  return SECRET_PATHS.reduce((u, re) => u.replace(re, '$1[redacted]'), url);
}

/** Fastify's request serializer, with the URL redacted. */
export function requestForLog(req: FastifyRequest) {
  return { method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}
