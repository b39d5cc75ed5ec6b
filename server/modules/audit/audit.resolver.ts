import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { ChangeLog } from './audit.entity';
import { HistoryArgs } from './audit.inputs';
import { assertCanReadHistory } from './audit.scope';
import { auditedTable, batchHistory, rowHistory } from './audit.service';
import { ChangeLogConnection } from './audit.types';

@Resolver(() => ChangeLog)
export class HistoryResolver {
  @Query(() => ChangeLogConnection, {
    description:
      'Recorded changes of one row, oldest first: administrators any row, other readers the live rows in their scope.',
  })
  async history(@Args(() => HistoryArgs) args: HistoryArgs, @Ctx() { em, access }: Context) {
    await assertCanReadHistory(em, access, auditedTable(args.entity), args.id);
    return rowHistory(em, args);
  }

  @Query(() => [ChangeLog], { description: 'Every change written by one request, in order.' })
  historyBatch(
    @Arg('batchId', () => String) batchId: string,
    @Ctx() { em, access }: Context,
  ): Promise<ChangeLog[]> {
    access.requireAdmin();
    return batchHistory(em, batchId);
  }
}
