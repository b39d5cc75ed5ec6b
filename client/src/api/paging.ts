/** The most rows the API serves in one request (`first`). */
export const API_PAGE_SIZE = 500;

/** Every node of a paged list: pages of the API's maximum size until `totalCount` is reached. */
export async function loadAllPages<T>(
  fetchPage: (offset: number) => Promise<{ totalCount: number; nodes: T[] }>,
): Promise<T[]> {
  const nodes: T[] = [];
  for (;;) {
    const page = await fetchPage(nodes.length);
    nodes.push(...page.nodes);
    if (page.nodes.length === 0 || nodes.length >= page.totalCount) {
      return nodes;
    }
  }
}
