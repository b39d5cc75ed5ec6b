import { Entity, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';

@ObjectType({
  description: 'A canonical direction of the municipal mechanisms (МУМ 1.1–2.4 and others).',
})
@Entity({ tableName: 'direction' })
export class Direction extends BaseEntity {
  @Field(() => String, { description: 'Stable code: 1.1 … 2.4, 1.1.OBJ, 2.2.MET, NORM.' })
  @Property({ type: 'string', length: 16, unique: true })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  name!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  shortName!: string;

  @ManyToOne(() => Direction, { ref: true, nullable: true, deleteRule: 'restrict' })
  parent: Ref<Direction> | null = null;

  @Field(() => String, { description: 'I (outcomes), II (process) or OTHER.' })
  @Property({ type: 'string', length: 8 })
  group!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sortOrder!: number;
}

@ObjectType({ description: 'One of the 9 components of the management cycle.' })
@Entity({ tableName: 'cycle_component' })
export class CycleComponent {
  [PrimaryKeyProp]?: 'code';

  @Field(() => Int)
  @PrimaryKey({ type: 'integer', autoincrement: false })
  code!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;
}
