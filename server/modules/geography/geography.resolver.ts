import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { parseId } from '../../shared/filters';
import { connectionType } from '../../shared/pagination';
import type { Access } from '../access/viewer';
import { Executor, Roadmap } from '../roadmaps/roadmaps.entity';
import { Municipality, Organization, Region } from './geography.entity';
import { MunicipalityListArgs, OrganizationListArgs } from './geography.inputs';
import { listMunicipalities, listOrganizations, listRegions } from './geography.service';

function readable(access: Access, municipality: Municipality): boolean {
  return access.canReadRowsOf({ id: municipality.id, regionId: municipality.region.id });
}

export const MunicipalityConnection = connectionType(Municipality, 'Municipality');
export const OrganizationConnection = connectionType(Organization, 'Organization');

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: 'All regions (federal subjects) in the hub.' })
  regions(@Ctx() { em }: Context): Promise<Region[]> {
    return listRegions(em);
  }

  @FieldResolver(() => [Municipality])
  municipalities(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Municipality[]> {
    return loaders.municipalitiesByRegion.load(region.id);
  }
}

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Query(() => MunicipalityConnection)
  municipalities(
    @Args(() => MunicipalityListArgs) args: MunicipalityListArgs,
    @Ctx() { em }: Context,
  ) {
    return listMunicipalities(em, args);
  }

  @Query(() => Municipality, { nullable: true })
  municipality(
    @Arg('id', () => ID) id: string,
    @Ctx() { loaders }: Context,
  ): Promise<Municipality | null> {
    return loaders.municipality.load(parseId(id));
  }

  @FieldResolver(() => Region)
  async region(@Root() municipality: Municipality, @Ctx() { loaders }: Context): Promise<Region> {
    return (await loaders.region.load(municipality.region.id))!;
  }

  @FieldResolver(() => [Executor], {
    description: 'Bodies and people named as responsible in its roadmaps.',
  })
  async executors(
    @Root() municipality: Municipality,
    @Ctx() { loaders, access }: Context,
  ): Promise<Executor[]> {
    return readable(access, municipality)
      ? loaders.executorsByMunicipality.load(municipality.id)
      : [];
  }

  @FieldResolver(() => [Roadmap])
  async roadmaps(
    @Root() municipality: Municipality,
    @Ctx() { loaders, access }: Context,
  ): Promise<Roadmap[]> {
    // The directory lists every municipality; its rows only within the viewer's scope.
    return readable(access, municipality)
      ? loaders.roadmapsByMunicipality.load(municipality.id)
      : [];
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => OrganizationConnection, {
    description: 'Schools, preschools and other organizations.',
  })
  organizations(
    @Args(() => OrganizationListArgs) args: OrganizationListArgs,
    @Ctx() { em }: Context,
  ) {
    return listOrganizations(em, args);
  }

  @FieldResolver(() => Municipality)
  async municipality(
    @Root() organization: Organization,
    @Ctx() { loaders }: Context,
  ): Promise<Municipality> {
    return (await loaders.municipality.load(organization.municipality.id))!;
  }
}
