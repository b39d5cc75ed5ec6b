import { ArgsType, Field, InputType } from 'type-graphql';
import { IdFilter, TextFilter } from '../../shared/filters';
import { PageArgs } from '../../shared/pagination';

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
