import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { parseId } from '../../shared/filters';
import { MAX_NESTED_FIRST, nestedFirst } from '../../shared/loaders';
import { connectionType } from '../../shared/pagination';
import { Role } from '../access/access.enums';
import type { Access } from '../access/viewer';
import { Executor, Roadmap } from '../roadmaps/roadmaps.entity';
import { Teacher } from '../teachers/teachers.entity';
import { Municipality, Organization, OrganizationKind, Region } from './geography.entity';
import { MunicipalityListArgs, OrganizationListArgs } from './geography.inputs';
import { listMunicipalities, listOrganizations, listRegions } from './geography.service';

function readable(access: Access, municipality: Municipality): boolean {
  return access.canReadRowsOf({ id: municipality.id, regionId: municipality.region.id });
}

// Nested lists default to this many rows per parent; the cost limit counts `first` per parent.
const NESTED_FIRST = 100;

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

  @FieldResolver(() => [Organization], {
    description: `Its organizations in your row scope, by code: the first \`first\` (at most ${MAX_NESTED_FIRST}).`,
  })
  async organizations(
    @Root() municipality: Municipality,
    @Arg('kind', () => OrganizationKind, { nullable: true }) kind: OrganizationKind | null,
    @Arg('first', () => Int, { defaultValue: NESTED_FIRST }) first: number,
    @Ctx() { loaders, access }: Context,
  ): Promise<Organization[]> {
    const params = { kind: kind ?? null, first: nestedFirst(first) };
    // As its roadmaps: the directory lists every municipality, its rows only within the scope.
    return readable(access, municipality)
      ? loaders.organizationsByMunicipality.load({ id: municipality.id, params })
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

  @FieldResolver(() => [Teacher], {
    description: `Teachers working here now, in your row scope (not for dashboards), by personnel code: the first \`first\` (at most ${MAX_NESTED_FIRST}).`,
  })
  async teachers(
    @Root() organization: Organization,
    @Arg('first', () => Int, { defaultValue: NESTED_FIRST }) first: number,
    @Ctx() { loaders, access }: Context,
  ): Promise<Teacher[]> {
    const size = nestedFirst(first);
    // Teacher rows are not for dashboards (the teachers list refuses them); scoped in SQL.
    if (access.requireViewer().role === Role.DASHBOARD) {
      return [];
    }
    const params = { first: size, scope: access.rowScope() };
    return loaders.teachersByOrganization.load({ id: organization.id, params });
  }
}
