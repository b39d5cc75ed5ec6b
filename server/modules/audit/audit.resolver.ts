import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { ChangeLog } from './audit.entity';
import { HistoryArgs } from './audit.inputs';
import { batchHistory, rowHistory } from './audit.service';
import { ChangeLogConnection } from './audit.types';

@Resolver(() => ChangeLog)
export class HistoryResolver {
  @Query(() => ChangeLogConnection, { description: 'Recorded changes of one row, oldest first.' })
  history(@Args(() => HistoryArgs) args: HistoryArgs, @Ctx() { em, access }: Context) {
    // Administrators only until history is filtered by row scope (issue #3, cell history).
    access.requireAdmin();
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
