import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType()
export abstract class BaseEntity<Optional = never> {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | Optional;

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => Date)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({
    type: 'datetime',
    columnType: 'timestamptz',
    defaultRaw: 'now()',
    onUpdate: () => new Date(),
  })
  updatedAt: Date = new Date();
}

// Rows edited from grids carry a version: a stale one is a CONFLICT, never a silent overwrite.
@ObjectType()
export abstract class VersionedEntity<Optional = never> extends BaseEntity<'version' | Optional> {
  @Field(() => Number, { description: 'Optimistic-lock version; send it back with every update.' })
  @Property({ type: 'integer', version: true })
  version!: number;
}
