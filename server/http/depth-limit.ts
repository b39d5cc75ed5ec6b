import {
  GraphQLError,
  Kind,
  type ASTNode,
  type FragmentDefinitionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

// Refuses queries nested deeper than `maxDepth` selection levels (fragments expanded).
export function depthLimit(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        fragments.set(definition.name.value, definition);
      }
    }
    const depthOf = (node: ASTNode, depth: number, seen: Set<string>): number => {
      if (node.kind === Kind.FIELD) {
        return node.selectionSet
          ? Math.max(
              depth,
              ...node.selectionSet.selections.map((child) => depthOf(child, depth + 1, seen)),
            )
          : depth;
      }
      if (node.kind === Kind.INLINE_FRAGMENT || node.kind === Kind.OPERATION_DEFINITION) {
        return Math.max(
          depth,
          ...node.selectionSet.selections.map((child) => depthOf(child, depth, seen)),
        );
      }
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(node.name.value);
        if (!fragment || seen.has(node.name.value)) {
          return depth;
        }
        const next = new Set(seen).add(node.name.value);
        return Math.max(
          depth,
          ...fragment.selectionSet.selections.map((child) => depthOf(child, depth, next)),
        );
      }
      return depth;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation, 1, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Query is nested ${depth} levels deep; the limit is ${maxDepth}`, {
              nodes: [operation],
            }),
          );
        }
      },
    };
  };
}
