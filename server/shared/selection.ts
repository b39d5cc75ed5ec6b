import type { GraphQLResolveInfo } from 'graphql';

/**
 * Whether the client selected `name` directly under this field. Fragments count as a yes
 * (reading them would need the whole document): a wrong yes costs time, a wrong no would
 * drop data the client asked for.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) =>
    (node.selectionSet?.selections ?? []).some(
      (selection) => selection.kind !== 'Field' || selection.name.value === name,
    ),
  );
}
