import { defineConfig } from 'vite';

// The build goes to web/dist; scripts/build-web.sh copies it into
// internal/server/ui/dist, which the Go binary embeds. `npm run dev`
// proxies the API to a running `eventwire serve` (EVENTWIRE_API, default
// http://127.0.0.1:8080).
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    // ECharts' modules are the bulk of the main chunk; the map shapes load
    // only on the map page.
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: {
      '/api': process.env.EVENTWIRE_API ?? 'http://127.0.0.1:8080',
    },
  },
});
