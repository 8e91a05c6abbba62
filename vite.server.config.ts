import { defineConfig } from 'vite';

/**
 * The server built to plain JavaScript for Node (`npm start` runs it with node, not tsx: tsx's
 * compiler held ~130 MiB before the first request). Packages stay external, loaded from
 * node_modules as usual; only our own modules are bundled into one file.
 */
export default defineConfig({
  build: {
    ssr: 'src/server/main.ts',
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    minify: false,
    rollupOptions: { output: { entryFileNames: 'main.js', format: 'es' } },
  },
  // zod is bundled so that only the parts the proxy's schema uses are loaded: the whole package
  // held 11 MiB of the server's memory at import.
  ssr: { noExternal: ['zod', 'ipaddr.js'] },
  publicDir: false,
  logLevel: 'warn',
});
