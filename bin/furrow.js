#!/usr/bin/env node
// The installed `furrow` command: runs the compiled CLI. During development use
// `npm run furrow -- <command>`, which runs the TypeScript directly.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'server', 'cli', 'furrow.js');
if (!existsSync(built)) {
  console.error('Furrow is not built yet: run npm run build first (or npm run furrow -- <command> to run from source).');
  process.exit(1);
}
const { main } = await import(pathToFileURL(built).href);
await main(process.argv.slice(2));
