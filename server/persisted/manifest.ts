// The committed allow-list of the dashboards' operations (schema/persisted-operations.json),
// built from server/persisted/operations/*.graphql by `server/scripts/persisted-operations.ts`.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  specifiedRules,
  validate,
} from 'graphql';
import { projectRoot } from '../shared/paths';

/** One listed operation; `id` is the sha256 (hex) of `body`, the APQ `sha256Hash`. */
export interface PersistedOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

/** Apollo's persisted-query manifest format, so Apollo Client's tooling can read it as is. */
export interface PersistedManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: PersistedOperation[];
}

export const MANIFEST_FILE = path.join(projectRoot(), 'schema', 'persisted-operations.json');
export const OPERATIONS_DIR = path.join(projectRoot(), 'server', 'persisted', 'operations');

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The .graphql sources, by file name (sorted, so the manifest is stable). */
export function readOperationSources(dir = OPERATIONS_DIR): { file: string; text: string }[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8') }));
}

/**
 * One named operation per file; its body is the printed document (comments and layout
 * dropped), so the hash does not change with formatting.
 */
export function buildManifest(sources: { file: string; text: string }[]): PersistedManifest {
  const names = new Set<string>();
  const operations = sources.map(({ file, text }) => {
    const document = parse(text);
    const definitions = document.definitions.filter(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION,
    );
    const name = definitions[0]?.name?.value;
    if (definitions.length !== 1 || !name) {
      throw new Error(`${file}: needs exactly one named operation`);
    }
    if (names.has(name)) {
      throw new Error(`${file}: operation ${name} is listed twice`);
    }
    names.add(name);
    const body = print(document);
    return { id: sha256Hex(body), name, type: definitions[0].operation, body };
  });
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

export function readManifest(file = MANIFEST_FILE): PersistedManifest {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as PersistedManifest;
}

/** What is wrong with a manifest against a schema: wrong ids, invalid documents. */
export function manifestProblems(manifest: PersistedManifest, schema: GraphQLSchema): string[] {
  return manifest.operations.flatMap((operation) => {
    if (sha256Hex(operation.body) !== operation.id) {
      return [`${operation.name}: id is not the sha256 of its body`];
    }
    try {
      return validate(schema, parse(operation.body), specifiedRules).map(
        (error) => `${operation.name}: ${error.message}`,
      );
    } catch (error) {
      return [`${operation.name}: ${error instanceof Error ? error.message : String(error)}`];
    }
  });
}
