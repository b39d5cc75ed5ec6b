// GraphQL of saved views (server/modules/views): own views of a page, a view by its link,
// create/update with a version, delete.
const FIELDS = 'id version page name state shared slug isDefault mine ownerName';

export interface SavedView {
  id: string;
  version: number;
  page: string;
  name: string;
  state: unknown;
  shared: boolean;
  slug: string;
  isDefault: boolean;
  mine: boolean;
  ownerName: string;
}

export interface SaveViewInput {
  id?: string;
  version?: number;
  page: string;
  name: string;
  state?: object;
  shared?: boolean;
  isDefault?: boolean;
}

export const SAVED_VIEWS = `query SavedViews($page: String!) {
  savedViews(page: $page) { ${FIELDS} }
}`;

export const SAVED_VIEW = `query SavedView($slug: String!) {
  savedView(slug: $slug) { ${FIELDS} }
}`;

export const SAVE_VIEW = `mutation SaveView($input: SaveViewInput!) {
  saveView(input: $input) { ${FIELDS} }
}`;

export const DELETE_VIEW = `mutation DeleteView($id: ID!, $version: Int!) {
  deleteView(id: $id, version: $version)
}`;
