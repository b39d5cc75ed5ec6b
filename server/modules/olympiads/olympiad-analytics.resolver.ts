import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundHubError } from '../../errors';
import { auditedTransaction } from '../audit/audit.context';
import { Region } from '../geography/geography.entity';
import { scopedUnit } from '../access/scoped-unit';
import { olympiadFunnel } from './funnel.service';
import { OlympiadFunnelRow } from './funnel.types';
import { writeOlympiadIndicators } from './olympiad.indicators';
import { loadOlympiadSettings } from './olympiad.settings';
import { FunnelGrouping, OlympiadStage, STAGE_ORDER } from './olympiads.enums';
import { OlympiadFunnelInput, OlympiadRecheckInput } from './olympiads.inputs';
import { olympiadByCode, subjectByCode } from './olympiads.lookup';
import { requireAcademicYear } from './olympiads.rules';
import { olympiadRecheck } from './recheck.service';
import { OlympiadRecheck } from './recheck.types';

@Resolver()
export class OlympiadAnalyticsResolver {
  @Query(() => [OlympiadFunnelRow], {
    description:
      'The stage funnel of an academic year for a region (rows per municipality) or a municipality (rows per school), or per subject: participants, entries, diplomas, pass-through, coverage, per-1,000 rates, contribution and the change against the year before. The scope’s row comes first. Two SQL statements.',
  })
  async olympiadFunnel(
    @Arg('input', () => OlympiadFunnelInput) input: OlympiadFunnelInput,
    @Ctx() { em, access }: Context,
  ): Promise<OlympiadFunnelRow[]> {
    const { unit: scope } = await scopedUnit(em, input, access.aggregateScope());
    const olympiad = await olympiadByCode(em, input.olympiadCode);
    const subjectId = input.subjectCode ? (await subjectByCode(em, input.subjectCode)).id : null;
    return olympiadFunnel(em, {
      olympiadId: olympiad.id,
      year: requireAcademicYear(input.academicYear),
      scope,
      subjectId,
      parts:
        input.groupBy === FunnelGrouping.SUBJECT
          ? 'subject'
          : 'regionId' in scope
            ? 'municipality'
            : 'organization',
    });
  }

  @Query(() => OlympiadRecheck, {
    description:
      'Candidates for re-checking in a region or municipality: outlier papers against the region’s distribution of their stage, subject and grade, and schools with an anomalous share of diplomas, with the evidence (not for dashboards).',
  })
  async olympiadRecheck(
    @Arg('input', () => OlympiadRecheckInput) input: OlympiadRecheckInput,
    @Ctx() { em, access }: Context,
  ): Promise<OlympiadRecheck> {
    const { unit, regionId } = await scopedUnit(em, input, access.rowScope());
    const municipalityId = 'municipalityId' in unit ? unit.municipalityId : null;
    const olympiad = await olympiadByCode(em, input.olympiadCode);
    return olympiadRecheck(
      em,
      {
        olympiadId: olympiad.id,
        year: requireAcademicYear(input.academicYear),
        regionId,
        municipalityId,
        stages: input.stages?.length ? input.stages : (STAGE_ORDER as OlympiadStage[]),
      },
      await loadOlympiadSettings(em),
    );
  }

  @Mutation(() => Int, {
    description:
      'Writes the academic year’s 1.3.VSOSH_SCHOOL_COVER, 1.3.VSOSH_MUN_CONVERSION, 1.3.VSOSH_MUN_WP and 1.3.VSOSH_REG_WP_1000 of every school of a region as computed indicator values (administrators, the region’s analysts); returns the values written.',
  })
  async writeOlympiadIndicators(
    @Arg('regionCode', () => String) regionCode: string,
    @Arg('academicYear', () => String) academicYear: string,
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { em, access }: Context,
  ): Promise<number> {
    const region = await em.findOne(Region, { code: regionCode });
    if (!region) {
      throw new NotFoundHubError(`Регион ${regionCode} не найден`, { field: 'regionCode' });
    }
    access.assertRegionAnalyst(region.id, 'write these values');
    const year = requireAcademicYear(academicYear);
    return auditedTransaction(
      em,
      access.auditActor(),
      (tem) => writeOlympiadIndicators(tem, { year, regionId: region.id }),
      { dryRun },
    );
  }
}
