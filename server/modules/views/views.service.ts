import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundHubError } from '../../errors';
import { parseId } from '../../shared/filters';
import { User } from '../access/access.entity';
import type { Access, Viewer } from '../access/viewer';
import { SavedView } from './views.entity';
import type { SaveViewInput } from './views.inputs';
import {
  checkPageKey,
  checkViewName,
  checkViewState,
  isSlug,
  MAX_VIEWS_PER_OWNER,
  newSlug,
} from './views.validation';

/** Views belong to people: API tokens (dashboards, scripts) neither keep nor open them. */
function requirePerson(access: Access): Viewer {
  const viewer = access.requireViewer();
  if (viewer.kind !== 'user' || viewer.id <= 0) {
    throw new ForbiddenError('Saved views belong to people; API tokens cannot keep or open them');
  }
  return viewer;
}

/** The viewer's own views of one page, by name. */
export function listSavedViews(
  em: EntityManager,
  access: Access,
  page: string,
): Promise<SavedView[]> {
  const viewer = requirePerson(access);
  return em.find(
    SavedView,
    { owner: viewer.id, page: checkPageKey(page) },
    { orderBy: [{ name: 'asc' }, { id: 'asc' }], populate: ['owner'] },
  );
}

const NOT_OPEN = 'No such view, or it is not shared';

/** A view by its link: the viewer's own, or shared; anything else reads as not found. */
export async function savedViewBySlug(
  em: EntityManager,
  access: Access,
  slug: string,
): Promise<SavedView> {
  const viewer = requirePerson(access);
  const view = isSlug(slug) ? await em.findOne(SavedView, { slug }, { populate: ['owner'] }) : null;
  if (!view || (!view.shared && view.owner.id !== viewer.id)) {
    throw new NotFoundHubError(NOT_OPEN);
  }
  return view;
}

// Another person's view reads as missing: view ids are sequential and must not be probed.
async function ownView(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  version: number | null | undefined,
): Promise<SavedView> {
  if (version == null) {
    throw new BadUserInputError('Updating a view needs the version you read', {
      field: 'version',
    });
  }
  const view = await em.findOne(
    SavedView,
    { id: parseId(id), owner: viewer.id },
    { populate: ['owner'] },
  );
  if (!view) {
    throw new NotFoundHubError('No such view among yours', { field: 'id' });
  }
  if (view.version !== version) {
    throw new ConflictError(
      `The view was changed elsewhere (version ${view.version}, yours ${version}); reload it`,
      { field: 'version', version: view.version },
    );
  }
  return view;
}

async function refuseTakenName(
  em: EntityManager,
  viewer: Viewer,
  page: string,
  name: string,
  id: number | null,
): Promise<void> {
  const taken = await em.count(SavedView, {
    owner: viewer.id,
    page,
    name,
    ...(id === null ? {} : { id: { $ne: id } }),
  });
  if (taken > 0) {
    throw new ConflictError(`You already have a view named «${name}» on this page`, {
      field: 'name',
      reason: 'DUPLICATE',
    });
  }
}

async function refuseTooMany(em: EntityManager, viewer: Viewer): Promise<void> {
  if ((await em.count(SavedView, { owner: viewer.id })) >= MAX_VIEWS_PER_OWNER) {
    throw new BadUserInputError(
      `You keep ${MAX_VIEWS_PER_OWNER} views already: delete some before saving new ones`,
      { reason: 'TOO_MANY_VIEWS' },
    );
  }
}

// Flushed on its own, before the new default is written: the partial unique index is checked
// per statement, and one flush does not promise the order of its updates.
async function clearDefault(
  em: EntityManager,
  viewer: Viewer,
  page: string,
  keep: number | null,
): Promise<void> {
  const defaults = await em.find(SavedView, {
    owner: viewer.id,
    page,
    isDefault: true,
    ...(keep === null ? {} : { id: { $ne: keep } }),
  });
  for (const view of defaults) {
    view.isDefault = false;
  }
  await em.flush();
}

/** Creates or updates one of the viewer's views, in one transaction. */
export async function saveView(
  em: EntityManager,
  access: Access,
  input: SaveViewInput,
): Promise<SavedView> {
  const viewer = requirePerson(access);
  const page = checkPageKey(input.page);
  const name = checkViewName(input.name);
  const state = input.state == null ? null : checkViewState(input.state);
  return em.transactional(async (tem) => {
    const existing = input.id == null ? null : await ownView(tem, viewer, input.id, input.version);
    if (existing && existing.page !== page) {
      throw new BadUserInputError('A view stays on its page; save a new view instead', {
        field: 'page',
      });
    }
    if (!existing) {
      await refuseTooMany(tem, viewer);
    }
    await refuseTakenName(tem, viewer, page, name, existing?.id ?? null);
    if (input.isDefault === true) {
      await clearDefault(tem, viewer, page, existing?.id ?? null);
    }
    const view =
      existing ??
      tem.create(SavedView, {
        owner: await tem.findOneOrFail(User, { id: viewer.id }),
        page,
        name,
        state: state ?? {},
        slug: newSlug(),
      });
    view.name = name;
    if (state !== null) {
      view.state = state;
    }
    if (input.shared != null) {
      view.shared = input.shared;
    }
    if (input.isDefault != null) {
      view.isDefault = input.isDefault;
    }
    if (existing && input.renewSlug) {
      view.slug = newSlug();
    }
    await tem.flush();
    return view;
  });
}

/** Deletes one of the viewer's views if it still has the version read; returns its id. */
export async function deleteView(
  em: EntityManager,
  access: Access,
  id: string,
  version: number,
): Promise<string> {
  const viewer = requirePerson(access);
  const viewId = parseId(id);
  const deleted = await em.nativeDelete(SavedView, { id: viewId, owner: viewer.id, version });
  if (deleted === 0) {
    const current = await em.findOne(SavedView, { id: viewId, owner: viewer.id });
    if (!current) {
      throw new NotFoundHubError('No such view among yours', { field: 'id' });
    }
    throw new ConflictError(
      `The view was changed elsewhere (version ${current.version}, yours ${version}); reload it`,
      { field: 'version', version: current.version },
    );
  }
  return String(viewId);
}
