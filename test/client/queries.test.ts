import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

import * as coverage from '../../client/src/features/coverage/coverage.queries';
import * as municipalities from '../../client/src/features/municipalities/municipalities.queries';
import * as occurrences from '../../client/src/features/occurrences/occurrences.queries';
import * as roadmaps from '../../client/src/features/roadmaps/roadmaps.queries';

// The client's GraphQL documents must stay valid against the committed SDL.
const schema = buildSchema(readFileSync(resolve(__dirname, '../../schema/schema.graphql'), 'utf8'));

const documents = Object.entries({ ...coverage, ...municipalities, ...occurrences, ...roadmaps })
  .filter(([name, value]) => /_(QUERY|MUTATION)$/.test(name) && typeof value === 'string')
  .map(([name, value]) => [name, value as string] as const);

describe('client GraphQL documents', () => {
  it('finds the documents', () => {
    expect(documents.length).toBeGreaterThanOrEqual(8);
  });

  it.each(documents)('%s is valid against schema/schema.graphql', (_name, source) => {
    expect(validate(schema, parse(source)).map((e) => e.message)).toEqual([]);
  });
});
