import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '../../shared/pagination';

@ArgsType()
export class HistoryArgs extends PageArgs {
  @Field(() => String, { description: 'Table name, e.g. "activity" or "activity_occurrence".' })
  entity!: string;

  @Field(() => ID, { description: 'Row id; "activityId:executorId" for activity_executor.' })
  id!: string;
}
