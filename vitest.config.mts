import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// SWC emits decorator metadata (esbuild does not), which type-graphql and MikroORM read.
export default defineConfig({
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
      },
      module: { type: 'es6' },
    }),
  ],
  // SWC does the TypeScript transform; Vite's own (Oxc) would drop decorator metadata.
  oxc: false,
  resolve: {
    // One graphql instance: Vite would pick graphql's .mjs for our code while type-graphql and
    // Apollo (run by Node) load the CommonJS build, and `instanceof GraphQLScalarType` fails.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Two cores here: each server suite boots its own database.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
