import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { RESOLVERS } from './resolvers';

export function buildHubSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    validate: { forbidUnknownValues: false },
  });
}

/** The SDL committed as schema/schema.graphql (sorted, so diffs show real changes only). */
export async function printHubSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildHubSchema())) + '\n';
}
