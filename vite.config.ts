import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/**
 * curlconverter's tokenizer loads native tree-sitter through `./Parser.js`; in the browser the
 * WebAssembly build of the same parser stands in (see src/shims/curlWebParser.ts).
 */
function curlconverterInBrowser(): Plugin {
  const target = fileURLToPath(new URL('./src/shims/curlWebParser.ts', import.meta.url));
  return {
    name: 'curlconverter-web-parser',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './Parser.js' && importer && /curlconverter[\\/]dist[\\/]src[\\/]shell[\\/]tokenizer\.js/.test(importer)) return target;
      return null;
    },
  };
}

/** `npm run dev` serves POST /api/proxy with the same handler as `npm start`. */
function proxyInDev(): Plugin {
  return {
    name: 'switchboard-proxy',
    async configureServer(server) {
      const { createProxyHandler, proxyOptionsFromEnv } = await server.ssrLoadModule('/src/server/proxy/createProxyHandler.ts');
      const handle = createProxyHandler(proxyOptionsFromEnv(process.env));
      server.middlewares.use('/api/proxy', (req, res, next) => (req.method === 'POST' ? void handle(req, res) : next()));
    },
  };
}

/**
 * Everything the first paint needs from node_modules in one chunk (vendor). Left to itself the
 * bundler splits modules shared with lazy chunks into many small common chunks, which compress
 * worse and cost requests (measured: +4 kB gzip over one chunk).
 */
function neededForFirstPaint(id: string): boolean {
  if (/node_modules\/(react|react-dom|scheduler|@xyflow|d3-[a-z]+|zustand|use-sync-external-store|classcat|idb)\//.test(id)) return true;
  // lucide's shared code, not its icons: each icon goes with the code that draws it, so the
  // dialogs' and panels' icons stay out of the first load (22 of 56 icons, 2 kB gzip).
  if (/node_modules\/lucide-react\/dist\/esm\/(?!icons\/)/.test(id)) return true;
  // Our own modules that the first paint needs and lazy chunks share (same reason). The
  // ones that pull in zod, dagre or jsonc-parser are left out: those stay lazy.
  return /\/src\/(store\/(?!computeChecklist)[^/]+|domain\/(variables\/(variableTokens|variablePrefix|variableName)|request\/(ApiRequestConfig|urlWithQuery|jsonTemplate|percentEncode)|flow\/(?!parseFlowFile|flowSchema|migrateFlow|organizeLayout|parseFragment|flowChecklist|reachableFromStart|routeEdge)[^/]+|blocks\/([^/]+\/[^/]+Block|BlockDefinition|blockCatalog))|components\/(IconButton|preloadable|focusBlockCard|Popup|shortcuts)|blocks\/blockIcons|storage\/(flowLibrary|openFlowDatabase|runFlowAction)|app\/(App|TopBar|FlowSidebar|SaveIndicator|ErrorBoundary|bootDocument)|canvas\/(FlowCanvas|BlockNode|CanvasToolbar|FlowEdge|HistoryControls|AddBlockButton|AddBlockPicker|FlowChecklist|CompactContext|useCanvasShortcuts|useCompactZoom|useEdgeRouting))\.tsx?$/.test(
    id,
  );
}

/**
 * What opening a flow needs after the first load (its validation with zod, the library and its
 * storage code) in one chunk (openFlow): one round trip while the page is busiest, where left to
 * itself the bundler made eight.
 */
function neededToOpenAFlow(id: string): boolean {
  return (
    /node_modules\/(zod|lodash-es)\//.test(id) ||
    /\/src\/(domain\/(flow\/(parseFlowFile|flowSchema|migrateFlow)|testing\/flowTestSchema|variables\/VariableType|blocks\/([^/]+\/[^/]+Schema|blockSchemas))|storage\/(createFlowLibrary|flowDatabase|download|describeStorageError))\.ts$/.test(
      id,
    )
  );
}

export default defineConfig({
  plugins: [react(), tailwindcss(), curlconverterInBrowser(), proxyInDev()],
  // Scan only the real entry so Vite does not pre-bundle bench/e2e pages.
  optimizeDeps: { entries: ['index.html'] },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        codeSplitting: {
          // A group also takes the modules its own modules import; vendor is decided first, so
          // openFlow does not take what the first paint needs.
          groups: [
            { name: 'vendor', test: neededForFirstPaint, priority: 2 },
            { name: 'openFlow', test: neededToOpenAFlow, priority: 1 },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
});
