import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { SavedView } from './views.entity';
import { SaveViewInput } from './views.inputs';
import { deleteView, listSavedViews, savedViewBySlug, saveView } from './views.service';

// People only: dashboards and other API tokens are refused (FORBIDDEN), anonymous callers too.
@Resolver(() => SavedView)
export class SavedViewResolver {
  @Query(() => [SavedView], {
    description:
      'Your own saved views of one grid page, by name (views others shared are opened by their link, see savedView). Signed-in people only, not API tokens.',
  })
  savedViews(
    @Arg('page', () => String, { description: 'Grid page key, e.g. "indicators".' }) page: string,
    @Ctx() { em, access }: Context,
  ): Promise<SavedView[]> {
    return listSavedViews(em, access, page);
  }

  @Query(() => SavedView, {
    description:
      'A view by its link: yours, or another person’s shared one; NOT_FOUND otherwise (whether or not it exists). The view only sets filters and columns: the rows shown are still limited by your own rights.',
  })
  savedView(
    @Arg('slug', () => String) slug: string,
    @Ctx() { em, access }: Context,
  ): Promise<SavedView> {
    return savedViewBySlug(em, access, slug);
  }

  @Mutation(() => SavedView, {
    description:
      'Creates or updates one of your views (another person’s view is NOT_FOUND). A taken name is a CONFLICT naming "name", a stale version a CONFLICT naming "version"; nothing is written then. Signed-in people only, not API tokens.',
  })
  saveView(
    @Arg('input', () => SaveViewInput) input: SaveViewInput,
    @Ctx() { em, access }: Context,
  ): Promise<SavedView> {
    return saveView(em, access, input);
  }

  @Mutation(() => ID, {
    description:
      'Deletes one of your views if it still has this version (CONFLICT otherwise); returns its id. Its link stops working.',
  })
  deleteView(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() { em, access }: Context,
  ): Promise<string> {
    return deleteView(em, access, id, version);
  }

  @FieldResolver(() => Boolean, {
    description: 'True when the view is yours: only then may you save or delete it.',
  })
  mine(@Root() view: SavedView, @Ctx() { access }: Context): boolean {
    return view.owner.id === access.viewer?.id && access.viewer.kind === 'user';
  }

  @FieldResolver(() => String, { description: 'Display name of the person who keeps the view.' })
  async ownerName(@Root() view: SavedView): Promise<string> {
    // Loaded with the view by the service; no query here.
    return (await view.owner.loadOrFail()).displayName;
  }
}
