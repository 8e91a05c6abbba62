import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  // Scan only the real entry so Vite does not pre-bundle bench/e2e pages.
  optimizeDeps: { entries: ['index.html'] },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Everything the first paint needs from node_modules in one chunk. Left to itself the
        // bundler splits modules shared with lazy chunks into many small common chunks, which
        // compress worse and cost requests (measured: +4 kB gzip over one chunk).
        manualChunks(id) {
          if (/node_modules\/(react|react-dom|scheduler|@xyflow|d3-[a-z]+|zustand|use-sync-external-store|classcat|lucide-react|idb)\//.test(id)) return 'vendor';
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
});
