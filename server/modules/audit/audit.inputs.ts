import { MaxLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '../../shared/pagination';

@ArgsType()
export class HistoryArgs extends PageArgs {
  @Field(() => String, { description: 'Table name, e.g. "activity" or "activity_occurrence".' })
  entity!: string;

  @Field(() => ID, { description: 'Row id; "activityId:executorId" for activity_executor.' })
  id!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Only changes of this column (e.g. "responsible_text"), with the row\'s create and delete (cell history).',
  })
  @MaxLength(63)
  field?: string | null;
}
