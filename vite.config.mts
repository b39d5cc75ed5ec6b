import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const hubPort = process.env.HUB_PORT ?? '4000';

// Vite requires a default export.
export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // ag-grid-community alone is ~1 MB minified; one chunk is fine for an admin app.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      '/graphql': { target: `http://127.0.0.1:${hubPort}`, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: `http://127.0.0.1:${hubPort}`, changeOrigin: false },
    },
  },
});
