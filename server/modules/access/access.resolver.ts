import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../context';
import { bulkResultType } from '../../shared/bulk';
import { connectionType } from '../../shared/pagination';
import { Municipality, Region } from '../geography/geography.entity';
import { ApiToken, User } from './access.entity';
import { CreateApiTokenInput, UserInput, UserListArgs } from './access.inputs';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service';
import { currentUser, signIn, signOut } from './sign-in.service';
import { listUsers, upsertUsers } from './users.service';

const UserConnection = connectionType(User, 'User');
const UpsertUsersResult = bulkResultType(User, 'UpsertUsersResult');

@ObjectType()
class SignInResult {
  @Field(() => User)
  user!: User;

  @Field(() => String, {
    description: 'The session token, for API clients (the client uses the cookie).',
  })
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;
}

@ObjectType()
class CreatedApiToken {
  @Field(() => ApiToken)
  apiToken!: ApiToken;

  @Field(() => String, {
    description: 'The secret: shown once, send it as `Authorization: Bearer …`.',
  })
  token!: string;
}

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user; null when anonymous.' })
  me(@Ctx() context: Context): Promise<User | null> {
    return currentUser(context);
  }

  @Mutation(() => SignInResult)
  signIn(
    @Arg('login', () => String) login: string,
    @Arg('password', () => String) password: string,
    @Ctx() context: Context,
  ) {
    return signIn(context, login, password);
  }

  @Mutation(() => Boolean)
  signOut(@Ctx() context: Context): boolean {
    return signOut(context);
  }

  @Query(() => UserConnection)
  users(@Args(() => UserListArgs) args: UserListArgs, @Ctx() { em, access }: Context) {
    access.requireAdmin();
    return listUsers(em, args);
  }

  @Mutation(() => UpsertUsersResult, {
    description: 'Creates or updates users atomically (admins).',
  })
  upsertUsers(
    @Arg('rows', () => [UserInput]) rows: UserInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { em, access }: Context,
  ) {
    access.requireAdmin();
    return upsertUsers(em, rows, dryRun, access);
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() user: User, @Ctx() { loaders }: Context): Promise<Region | null> {
    return user.region ? loaders.region.load(user.region.id) : Promise.resolve(null);
  }

  @FieldResolver(() => Municipality, { nullable: true })
  municipality(@Root() user: User, @Ctx() { loaders }: Context): Promise<Municipality | null> {
    return user.municipality
      ? loaders.municipality.load(user.municipality.id)
      : Promise.resolve(null);
  }

  @FieldResolver(() => ID, { nullable: true })
  organizationId(@Root() user: User): string | null {
    return user.organization ? String(user.organization.id) : null;
  }
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => [ApiToken], { description: 'API tokens (admins); secrets are never shown again.' })
  apiTokens(@Ctx() { em, access }: Context): Promise<ApiToken[]> {
    access.requireAdmin();
    return listApiTokens(em);
  }

  @Mutation(() => CreatedApiToken)
  createApiToken(
    @Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput,
    @Ctx() { em, access, signingKey }: Context,
  ) {
    return createApiToken(em, signingKey, access, input);
  }

  @Mutation(() => ApiToken)
  revokeApiToken(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, access }: Context,
  ): Promise<ApiToken> {
    return revokeApiToken(em, access, id);
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() token: ApiToken, @Ctx() { loaders }: Context): Promise<Region | null> {
    return token.region ? loaders.region.load(token.region.id) : Promise.resolve(null);
  }

  @FieldResolver(() => Municipality, { nullable: true })
  municipality(@Root() token: ApiToken, @Ctx() { loaders }: Context): Promise<Municipality | null> {
    return token.municipality
      ? loaders.municipality.load(token.municipality.id)
      : Promise.resolve(null);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'A coordinator-level token.' })
  organizationId(@Root() token: ApiToken): string | null {
    return token.organization ? String(token.organization.id) : null;
  }
}
