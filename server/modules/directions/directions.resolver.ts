import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { CycleComponent, Direction } from './directions.entity';

@Resolver(() => Direction)
export class DirectionResolver {
  @Query(() => [Direction], { description: 'Canonical directions, in catalogue order.' })
  directions(@Ctx() { em }: Context): Promise<Direction[]> {
    return em.find(Direction, {}, { orderBy: { sortOrder: 'asc' } });
  }

  @Query(() => [CycleComponent], { description: 'The 9 components of the management cycle.' })
  cycleComponents(@Ctx() { em }: Context): Promise<CycleComponent[]> {
    return em.find(CycleComponent, {}, { orderBy: { code: 'asc' } });
  }

  @FieldResolver(() => String, { nullable: true })
  async parentCode(
    @Root() direction: Direction,
    @Ctx() { loaders }: Context,
  ): Promise<string | null> {
    return direction.parent
      ? ((await loaders.direction.load(direction.parent.id))?.code ?? null)
      : null;
  }
}
