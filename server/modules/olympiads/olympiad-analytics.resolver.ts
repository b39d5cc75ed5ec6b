import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError, ForbiddenError, NotFoundHubError } from '../../errors';
import { parseId } from '../../shared/filters';
import { inScope, reachesRegion } from '../access/viewer';
import { auditedTransaction } from '../audit/audit.context';
import { Municipality, Region } from '../geography/geography.entity';
import { scopedUnit } from '../teachers/analytics.service';
import { olympiadFunnel } from './funnel.service';
import { OlympiadFunnelRow } from './funnel.types';
import { writeOlympiadIndicators } from './olympiad.indicators';
import { loadOlympiadSettings } from './olympiad.settings';
import { FunnelGrouping, OlympiadStage, STAGE_ORDER } from './olympiads.enums';
import { OlympiadFunnelInput, OlympiadRecheckInput } from './olympiads.inputs';
import { olympiadByCode } from './olympiads.lookup';
import { academicYearStart } from './olympiads.rules';
import { olympiadRecheck } from './recheck.service';
import { OlympiadRecheck } from './recheck.types';
import { OlympiadSubject } from './olympiads.entity';

function yearOf(code: string): number {
  const year = academicYearStart(code);
  if (year === null) {
    throw new BadUserInputError('Учебный год в формате 2024/2025', { field: 'academicYear' });
  }
  return year;
}

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
    const scope = await scopedUnit(em, input, access);
    const olympiad = await olympiadByCode(em, input.olympiadCode);
    let subjectId: number | null = null;
    if (input.subjectCode) {
      const subject = await em.findOne(OlympiadSubject, { code: input.subjectCode });
      if (!subject) {
        throw new BadUserInputError(`Предмет ${input.subjectCode} не найден`, {
          field: 'subjectCode',
        });
      }
      subjectId = subject.id;
    }
    return olympiadFunnel(em, {
      olympiadId: olympiad.id,
      year: yearOf(input.academicYear),
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
    const rows = access.rowScope();
    if ((input.regionId == null) === (input.municipalityId == null)) {
      throw new BadUserInputError('Give either regionId or municipalityId', { field: 'regionId' });
    }
    let regionId: number;
    let municipalityId: number | null = null;
    if (input.municipalityId != null) {
      municipalityId = parseId(input.municipalityId, 'municipalityId');
      const municipality = await em.findOne(Municipality, { id: municipalityId });
      if (
        !municipality ||
        !inScope(rows, { id: municipality.id, regionId: municipality.region.id })
      ) {
        throw new ForbiddenError('This municipality is outside your scope');
      }
      regionId = municipality.region.id;
    } else {
      regionId = parseId(input.regionId!, 'regionId');
      if (!reachesRegion(rows, regionId)) {
        throw new ForbiddenError('You may check your own region only');
      }
    }
    const olympiad = await olympiadByCode(em, input.olympiadCode);
    return olympiadRecheck(
      em,
      {
        olympiadId: olympiad.id,
        year: yearOf(input.academicYear),
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
    const year = yearOf(academicYear);
    return auditedTransaction(
      em,
      access.auditActor(),
      (tem) => writeOlympiadIndicators(tem, { year, regionId: region.id }),
      { dryRun },
    );
  }
}
