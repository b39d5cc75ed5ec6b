import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { BadUserInputError } from '../../errors';
import { checkStateObject, MAX_VIEW_STATE_BYTES } from './views.validation';

// Objects and lists written inline in a query, read as plain JSON values.
function literal(ast: ValueNode, variables: Record<string, unknown> | null | undefined): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((value) => literal(value, variables));
    case Kind.OBJECT:
      return Object.fromEntries(
        ast.fields.map((field) => [field.name.value, literal(field.value, variables)]),
      );
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    case Kind.ENUM:
      return ast.value;
  }
}

// Only the shape here: the size is checked by the service, so a refusal does not echo 32 KB
// back in graphql-js's "got invalid value …" message. The error carries its code and status:
// without them a refused variable would be reported as a server fault.
function parseState(value: unknown): Record<string, unknown> {
  try {
    return checkStateObject(value);
  } catch (error) {
    if (error instanceof BadUserInputError) {
      throw new GraphQLError(error.message, {
        extensions: { ...error.extensions, http: { status: 400 } },
      });
    }
    throw error;
  }
}

/** A grid view's state: any JSON object of at most 32 KB, opaque to the server. */
export const ViewStateScalar = new GraphQLScalarType({
  name: 'ViewState',
  description: `A saved view's state: a JSON object of at most ${MAX_VIEW_STATE_BYTES / 1024} KB as compact UTF-8 JSON (URL filters, column state, filter model), opaque to the server.`,
  serialize: (value) => value,
  parseValue: parseState,
  parseLiteral: (ast, variables) => parseState(literal(ast, variables)),
});
