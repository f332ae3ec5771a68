// Serves the built web app and falls back to index.html for client-side routes.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './error-handler.js';

export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const root = resolve(webDir);
  const indexPath = join(root, 'index.html');
  const built = existsSync(indexPath);
  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: false,
      cacheControl: false,
      // The build writes .br and .gz beside each asset (vite.config.ts); sent by Accept-Encoding.
      preCompressed: true,
      setHeaders: (res, path) => {
        // Hashed assets never change; index.html must always be revalidated.
        res.setHeader('cache-control', path.includes(`${join('assets', '')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const index = built ? readFileSync(indexPath, 'utf8') : null;

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsPage = request.method === 'GET' && !path.startsWith('/api/') && path !== '/healthz';
    if (wantsPage && index) return reply.type('text/html').header('cache-control', 'no-cache').send(index);
    if (wantsPage) {
      return reply.type('text/plain').status(503).send('The web app is not built yet. Run `npm run build` (or `npm start`, which builds it) and reload.');
    }
    return sendError(reply, request, 404, 'not_found', `No route ${request.method} ${path}`);
  });
}
