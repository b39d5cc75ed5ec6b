import { MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '../../shared/pagination';
import { DateScalar } from '../../shared/scalars';
import { Role } from './access.enums';

@InputType({
  description:
    'No id → create (login, displayName, role, password required); id → update (version required).',
})
export class UserInput {
  @Field(() => ID, { nullable: true })
  id?: string;

  @Field(() => Int, { nullable: true })
  version?: number;

  @Field(() => String, { nullable: true })
  login?: string;

  @Field(() => String, { nullable: true })
  displayName?: string;

  @Field(() => Role, { nullable: true })
  role?: Role;

  @Field(() => ID, { nullable: true })
  regionId?: string | null;

  @Field(() => ID, { nullable: true })
  municipalityId?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'A new password (at least 10 characters).' })
  password?: string;

  @Field(() => Boolean, { nullable: true })
  active?: boolean;
}

@ArgsType()
export class UserListArgs extends PageArgs {}

@InputType()
export class CreateApiTokenInput {
  @Field(() => String)
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => Role, { description: 'DASHBOARD for dashboards; other roles for scripts.' })
  role!: Role;

  @Field(() => ID, { nullable: true })
  regionId?: string;

  @Field(() => ID, { nullable: true, description: 'Brings its region along.' })
  municipalityId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'One organization (a coordinator-level dashboard); brings its municipality along.',
  })
  organizationId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day the token works.' })
  expiresOn?: string;
}
