// GraphiQL's own introspection nests type references nine levels (15 selection levels in all) and
// the server refuses queries deeper than MAX_QUERY_DEPTH (12 by default). The console asks with
// the same query trimmed to four `ofType` levels (10 deep), which covers every type of this schema
// (the deepest is `[X!]!`), and hands GraphiQL the built schema.
import {
  buildClientSchema,
  type DocumentNode,
  getIntrospectionQuery,
  type GraphQLSchema,
  type IntrospectionQuery,
  Kind,
  parse,
  print,
  type SelectionSetNode,
} from 'graphql';

export const TYPE_REF_LEVELS = 4;

function trimOfType(selectionSet: SelectionSetNode, levels: number): SelectionSetNode {
  return {
    ...selectionSet,
    selections: selectionSet.selections.flatMap((selection) => {
      if (selection.kind !== Kind.FIELD || selection.name.value !== 'ofType') {
        return [selection];
      }
      return levels > 0 && selection.selectionSet
        ? [{ ...selection, selectionSet: trimOfType(selection.selectionSet, levels - 1) }]
        : [];
    }),
  };
}

/** The standard introspection query with the `TypeRef` fragment cut to `levels` wrappers. */
export function shallowIntrospectionQuery(levels = TYPE_REF_LEVELS): string {
  const document = parse(
    getIntrospectionQuery({ inputValueDeprecation: true, specifiedByUrl: true }),
  );
  const trimmed: DocumentNode = {
    ...document,
    definitions: document.definitions.map((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === 'TypeRef'
        ? { ...definition, selectionSet: trimOfType(definition.selectionSet, levels) }
        : definition,
    ),
  };
  return print(trimmed);
}

/** The schema as this user's session sees it; null when it cannot be read (queries still run). */
export async function loadSchema(
  fetcher: (params: { query: string; operationName?: string }) => Promise<{ data?: unknown }>,
): Promise<GraphQLSchema | null> {
  try {
    const result = await fetcher({
      query: shallowIntrospectionQuery(),
      operationName: 'IntrospectionQuery',
    });
    return result.data ? buildClientSchema(result.data as IntrospectionQuery) : null;
  } catch {
    return null;
  }
}
