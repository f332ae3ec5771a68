// The web app: sources in web/, built into dist/web, which the server serves (server/http/static-web.ts).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const backend = 'http://localhost:3000';

export default defineConfig({
  root: here('./web'),
  publicDir: here('./web/public'),
  plugins: [react()],
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // The server's CSP forbids inline scripts; keep every asset a file of its own.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // The libraries every screen needs change rarely: one long-cached chunk apart from the
        // app's own code. Charts and drag-and-drop stay in the lazily loaded screens that use them.
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|@mantine[\\/](core|hooks|form|dates|notifications|store)|@floating-ui|typebox|dayjs|react-number-format|react-transition-group|react-remove-scroll[^\\/]*|react-textarea-autosize|use-callback-ref|use-sidecar|tslib|get-nonce|detect-node-es|clsx|@tabler)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend, changeOrigin: false },
    },
  },
});
