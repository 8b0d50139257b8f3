import { defineConfig } from 'vite';

/**
 * The browser client: `vite build apps/web` writes apps/web/dist, which the server serves at `/`.
 * No React plugin: Vite's own oxc transform compiles TSX (automatic JSX runtime, no Fast Refresh).
 * `npm run dev:web` serves it in development, the API proxied to `npm start` on :3000.
 */
const server = 'http://localhost:3000';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      // Mantine marks its modules "use client" (for React Server Components); a plain SPA bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
