import { createRequire } from 'node:module';
import ts from 'typescript';
import { defineConfig, type Plugin } from 'vitest/config';

const require = createRequire(import.meta.url);

// type-graphql and MikroORM read `design:type` decorator metadata, which Vite's own transform
// (Oxc) does not emit: compile server-side TypeScript with the TypeScript compiler instead.
function typescriptWithDecoratorMetadata(): Plugin {
  return {
    name: 'typescript-decorator-metadata',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.ts$/.test(id) || id.includes('/node_modules/') || !code.includes('@')) {
        return null;
      }
      const output = ts.transpileModule(code, {
        fileName: id,
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          useDefineForClassFields: false,
          sourceMap: true,
          inlineSources: true,
        },
      });
      return {
        code: output.outputText,
        map: output.sourceMapText ? JSON.parse(output.sourceMapText) : null,
      };
    },
  };
}

export default defineConfig({
  plugins: [typescriptWithDecoratorMetadata()],
  resolve: {
    // One graphql instance: Vite would pick graphql's .mjs for our code while type-graphql and
    // Apollo (run by Node) load the CommonJS build, and `instanceof GraphQLScalarType` fails.
    // graphql-query-complexity's ESM build imports graphql's .mjs files: use its CommonJS build.
    alias: [
      { find: /^graphql$/, replacement: require.resolve('graphql') },
      {
        find: /^graphql-query-complexity$/,
        replacement: require.resolve('graphql-query-complexity'),
      },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Two cores here: each server suite boots its own database.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
