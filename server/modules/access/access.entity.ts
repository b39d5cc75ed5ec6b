import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, VersionedEntity } from '../../shared/base.entity';
import { Municipality, Organization, Region } from '../geography/geography.entity';
import { Role } from './access.enums';

@ObjectType({ description: 'A person who signs in to the hub.' })
@Entity({ tableName: 'app_user' })
export class User extends VersionedEntity<'active'> {
  @Field(() => String)
  @Property({ type: 'string', length: 100, unique: true })
  login!: string;

  // bcrypt hash; never exposed through GraphQL.
  @Property({ type: 'string', length: 100, lazy: true })
  passwordHash!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  displayName!: string;

  @Field(() => Role)
  @Enum({ items: () => Role, nativeEnumName: 'role' })
  role!: Role;

  @ManyToOne(() => Region, { ref: true, nullable: true, deleteRule: 'restrict' })
  region: Ref<Region> | null = null;

  @ManyToOne(() => Municipality, { ref: true, nullable: true, deleteRule: 'restrict' })
  municipality: Ref<Municipality> | null = null;

  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'restrict' })
  organization: Ref<Organization> | null = null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active = true;
}

@ObjectType({
  description: 'A long-lived API token (dashboards, scripts); the secret is shown once.',
})
@Entity({ tableName: 'api_token' })
export class ApiToken extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => Role)
  @Enum({ items: () => Role, nativeEnumName: 'role' })
  role!: Role;

  @ManyToOne(() => Region, { ref: true, nullable: true, deleteRule: 'restrict' })
  region: Ref<Region> | null = null;

  @ManyToOne(() => Municipality, { ref: true, nullable: true, deleteRule: 'restrict' })
  municipality: Ref<Municipality> | null = null;

  // A coordinator-level dashboard: one school's figures (and its municipality's aggregates).
  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'restrict' })
  organization: Ref<Organization> | null = null;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  createdBy!: Ref<User>;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;
}

// Key/value settings kept in the database so every server process shares them (the signing key).
@Entity({ tableName: 'app_setting' })
export class AppSetting {
  @Property({ type: 'string', length: 100, primary: true })
  key!: string;

  @Property({ type: 'text' })
  value!: string;
}
