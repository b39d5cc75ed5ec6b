import { ArgsType, Field, InputType } from 'type-graphql';
import { IdFilter, TextFilter } from '../../shared/filters';
import { PageArgs } from '../../shared/pagination';
import { OrganizationKind } from './geography.entity';

@InputType()
export class MunicipalityFilter {
  @Field(() => IdFilter, { nullable: true })
  id?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  regionId?: IdFilter;

  @Field(() => TextFilter, { nullable: true })
  name?: TextFilter;
}

@ArgsType()
export class MunicipalityListArgs extends PageArgs {
  @Field(() => MunicipalityFilter, { nullable: true })
  filter?: MunicipalityFilter;
}

@InputType({ description: 'All given conditions must hold.' })
export class OrganizationFilter {
  @Field(() => IdFilter, { nullable: true })
  municipalityId?: IdFilter;

  @Field(() => [OrganizationKind], { nullable: true })
  kind?: OrganizationKind[];

  @Field(() => Boolean, { nullable: true, description: 'Schools with low results (ШНОР).' })
  lowResults?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Schools in unfavourable social conditions (ШНСУ).',
  })
  unfavourableConditions?: boolean;

  @Field(() => TextFilter, { nullable: true })
  name?: TextFilter;
}

@ArgsType()
export class OrganizationListArgs extends PageArgs {
  @Field(() => OrganizationFilter, { nullable: true })
  filter?: OrganizationFilter;
}
