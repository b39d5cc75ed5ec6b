import { Check, Entity, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../../shared/base.entity';
import { User } from '../access/access.entity';
import { ViewStateScalar } from './views.types';

/**
 * A named grid view one person keeps for one grid page: the page's URL filters and the grid's
 * column state (sort, visibility, width, order, filter model) as one opaque JSON document. It
 * holds no data: whoever opens it, through a shared link too, sees only what their rights allow.
 */
@ObjectType({
  description:
    'A saved grid view: filters, sort and columns of one grid page, kept by one person. It carries no data: a view opened through a shared link shows only what the reader may see.',
})
@Entity({ tableName: 'saved_view' })
// Also serves the list of one person's views of a page (its leading columns).
@Unique({ properties: ['owner', 'page', 'name'] })
// At most one default view per person and page.
@Unique({
  name: 'saved_view_default_key',
  expression:
    'create unique index "saved_view_default_key" on "saved_view" ("owner_id", "page") where "is_default"',
})
// Written as PostgreSQL prints them, so the schema comparison sees no change.
@Check({ name: 'saved_view_page_check', expression: "((page)::text ~ '^[a-z0-9/-]{1,64}$'::text)" })
@Check({
  name: 'saved_view_name_check',
  expression: '((char_length((name)::text) >= 1) AND (btrim((name)::text) = (name)::text))',
})
@Check({ name: 'saved_view_state_check', expression: "(jsonb_typeof(state) = 'object'::text)" })
@Check({
  name: 'saved_view_slug_check',
  expression: "((slug)::text ~ '^[A-Za-z0-9_-]{22}$'::text)",
})
export class SavedView extends VersionedEntity<'shared' | 'isDefault'> {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  owner!: Ref<User>;

  @Field(() => String, {
    description: 'The grid page the view belongs to, e.g. "indicators", "olympiads/records".',
  })
  @Property({ type: 'string', length: 64 })
  page!: string;

  @Field(() => String, { description: 'Unique among the owner’s views of the page.' })
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => ViewStateScalar, {
    description:
      'The client’s state of the page (URL filters, column state, filter model), opaque to the server; at most 32 KB as JSON. Filters only, never data.',
  })
  @Property({ type: 'json' })
  state!: Record<string, unknown>;

  @Field(() => Boolean, {
    description: 'Whether any signed-in person with the link (slug) may open the view.',
  })
  @Property({ type: 'boolean', default: false })
  shared = false;

  @Field(() => String, {
    description:
      'Unguessable key for links (`?view=<slug>`); works for others only while the view is shared.',
  })
  @Property({ type: 'string', length: 22, unique: true })
  slug!: string;

  @Field(() => Boolean, {
    description: 'The owner opens this view first on the page (at most one per page).',
  })
  @Property({ type: 'boolean', default: false })
  isDefault = false;
}
