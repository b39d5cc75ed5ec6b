import { Field, ID, InputType, Int } from 'type-graphql';
import { ViewStateScalar } from './views.types';

@InputType({
  description:
    'No id → create a view of yours; id → update that view of yours (version required). Omitted state, shared and isDefault keep their values (on create: {}, false, false).',
})
export class SaveViewInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The version you read; a stale one is a CONFLICT and nothing is written.',
  })
  version?: number | null;

  @Field(() => String, {
    description:
      'Grid page key: 1–64 of a–z, 0–9, "/" and "-", e.g. "olympiads/records". A view stays on its page.',
  })
  page!: string;

  @Field(() => String, { description: '1–120 characters, unique among your views of the page.' })
  name!: string;

  @Field(() => ViewStateScalar, {
    nullable: true,
    description: 'The page’s filters and column state; a JSON object of at most 32 KB.',
  })
  state?: Record<string, unknown> | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Let other signed-in people open the view by its link.',
  })
  shared?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Make it your default for the page: your previous default of the page stops being one (its version changes too).',
  })
  isDefault?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Give the view a new link: the old link stops working.',
  })
  renewSlug?: boolean | null;
}
