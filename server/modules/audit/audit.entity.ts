import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { ChangeAction } from './audit.enums';

/**
 * One recorded change of one row (create, delete) or one column (update). Rows are written only
 * by the audit_row() trigger, in the transaction of the change itself; the app never writes them.
 */
@ObjectType('ChangeLogEntry', { description: 'One recorded change of a row or of one field.' })
// readonly: never flushed by the ORM, only the trigger writes here.
@Entity({ tableName: 'change_log', readonly: true })
@Index({ properties: ['entity', 'entityId', 'id'] })
@Index({ properties: ['batchId'] })
export class ChangeLog {
  // Identity column (columnType keeps MikroORM from emitting bigserial); bigint reads as a string.
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', columnType: 'bigint', generated: 'identity' })
  id!: string;

  @Field(() => String, {
    description: 'Shared by every change of one request (the transaction id when none was set).',
  })
  @Property({ type: 'text' })
  batchId!: string;

  // clock_timestamp(), not now(): rows of one transaction keep their real order.
  @Field(() => Date)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'clock_timestamp()' })
  at!: Date;

  // No foreign key: deleting a user keeps the history of what they did.
  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  actorUserId!: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  actorLabel!: string | null;

  @Field(() => String, { description: 'Table name, e.g. "activity".' })
  @Property({ type: 'text' })
  entity!: string;

  @Field(() => ID, { description: 'Row id; "activityId:executorId" for activity_executor.' })
  @Property({ type: 'text' })
  entityId!: string;

  @Field(() => ChangeAction)
  @Enum({ items: () => ChangeAction })
  action!: ChangeAction;

  @Field(() => String, { nullable: true, description: 'Changed column; null for create/delete.' })
  @Property({ type: 'text', nullable: true })
  field!: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  oldValue!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  newValue!: unknown;
}
