// Monaco's web workers, bundled by Vite (`?worker`) and served from our origin, never a CDN.
// graphiql ships the same setup as `graphiql/setup-workers/vite`, but from inside node_modules
// Vite's dependency optimizer cannot load its `?worker` imports and `vite` (dev) stops at start;
// from our own source they go through Vite's worker plugin in dev and build alike.
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';

interface MonacoEnvironment {
  getWorker(workerId: string, label: string): Worker;
}

(globalThis as { MonacoEnvironment?: MonacoEnvironment }).MonacoEnvironment = {
  getWorker(_workerId, label) {
    if (label === 'json') {
      return new JsonWorker();
    }
    return label === 'graphql' ? new GraphQLWorker() : new EditorWorker();
  },
};
