// Teacher analytics of an academic year (issue #6 item 5): the deficit heatmap, per-unit figures
// (diagnosed, deficits, routes, mentoring, start-vs-end change) and their indicator values
// (2.2.DIAGNOSED, 2.2.IOM, 2.2.MENTORED). Set-based: the heatmap and the figures are one statement
// each, writing the values three.
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, NotFoundHubError } from '../../errors';
import { scopedUnit } from '../access/scoped-unit';
import type { Access } from '../access/viewer';
import { auditedTransaction } from '../audit/audit.context';
import { Region } from '../geography/geography.entity';
import { PeriodKind } from '../indicators/indicators.enums';
import { ComparedUnitKind } from '../indicators/indicators.types';
import { replaceComputedValues } from '../indicators/computed-values';
import { parsePeriod } from '../indicators/period';
import {
  type CampaignSelection,
  type FigureRow,
  figuresSql,
  type HeatmapRow,
  heatmapSql,
  type UnitSet,
  type YearBounds,
} from './analytics.sql';
import type {
  DeficitHeatmapCell,
  DeficitHeatmapInput,
  TeacherAnalyticsInput,
  TeacherAnalyticsRow,
} from './analytics.types';

/** Indicator codes the teacher analytics owns (catalogue entries marked computedBy). */
export const TEACHER_INDICATORS = {
  diagnosed: '2.2.DIAGNOSED',
  iom: '2.2.IOM',
  mentored: '2.2.MENTORED',
} as const;

/** "2024/2025" → its bounds; anything else is refused naming the field. */
export function academicYearBounds(code: string): YearBounds {
  const period = parsePeriod(code);
  if (!period || period.kind !== PeriodKind.ACADEMIC_YEAR) {
    throw new BadUserInputError('Учебный год в формате 2024/2025', { field: 'academicYear' });
  }
  const first = Number(period.code.slice(0, 4));
  return {
    code: period.code,
    start: period.start,
    end: `${first + 1}-08-31`,
    january: `${first + 1}-01-01`,
    ageYear: first,
  };
}

const share = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? (100 * numerator) / denominator : null;

export interface HeatmapFilter {
  /** Campaign codes, or else every campaign of the academic year. */
  campaignCodes?: readonly string[] | null;
  academicYear?: string | null;
  regionId?: number | null;
  municipalityId?: number | null;
}

/** Cells area × subject × municipality (one statement). */
export async function deficitHeatmap(
  em: EntityManager,
  filter: HeatmapFilter,
): Promise<DeficitHeatmapCell[]> {
  if ((filter.campaignCodes == null) === (filter.academicYear == null)) {
    throw new BadUserInputError('Give either campaignCodes or academicYear', {
      field: 'campaignCodes',
    });
  }
  let campaigns: CampaignSelection;
  if (filter.campaignCodes != null) {
    campaigns = { codes: filter.campaignCodes };
  } else {
    const year = academicYearBounds(filter.academicYear!);
    campaigns = { from: year.start, to: year.end };
  }
  const { sql, params } = heatmapSql(campaigns, filter);
  const rows = await em.execute<HeatmapRow[]>(sql, params);
  return rows.map((row) => ({
    municipalityId: String(row.municipality_id),
    municipalityName: row.municipality_name,
    subject: row.subject,
    area: row.area,
    diagnosed: row.diagnosed,
    withDeficit: row.with_deficit,
    share: (100 * row.with_deficit) / row.diagnosed,
  }));
}

export interface AnalyticsFilter {
  academicYear: string;
  regionId?: number | null;
  municipalityId?: number | null;
}

function figuresOf(em: EntityManager, units: UnitSet, year: YearBounds): Promise<FigureRow[]> {
  const { sql, params } = figuresSql(units, year);
  return em.execute<FigureRow[]>(sql, params);
}

/**
 * Figures per municipality of a region, or of a municipality and each of its organizations
 * (one statement).
 */
export async function teacherAnalytics(
  em: EntityManager,
  filter: AnalyticsFilter,
): Promise<TeacherAnalyticsRow[]> {
  if ((filter.regionId == null) === (filter.municipalityId == null)) {
    throw new BadUserInputError('Give either regionId or municipalityId', { field: 'regionId' });
  }
  const units: UnitSet =
    filter.municipalityId != null
      ? { kind: 'municipality', municipalityId: filter.municipalityId }
      : { kind: 'municipalities', regionId: filter.regionId! };
  const rows = await figuresOf(em, units, academicYearBounds(filter.academicYear));
  return rows.map(toRow);
}

function toRow(row: FigureRow): TeacherAnalyticsRow {
  const atStart = share(row.deficit_start, row.diagnosed_start);
  const atEnd = share(row.deficit_end, row.diagnosed_end);
  return {
    unitId: String(row.unit_id),
    unitName: row.unit_name,
    unitKind:
      row.kind === 'municipality' ? ComparedUnitKind.MUNICIPALITY : ComparedUnitKind.ORGANIZATION,
    teachers: row.teachers,
    diagnosed: row.diagnosed,
    diagnosedShare: share(row.diagnosed, row.teachers),
    withDeficits: row.with_deficits,
    withRoute: row.with_route,
    routeShare: share(row.with_route, row.with_deficits),
    routesOpened: row.routes_opened,
    routesClosed: row.routes_closed,
    routeCompletion: share(row.routes_closed, row.routes_opened),
    youngSpecialists: row.young,
    youngWithMentor: row.young_mentored,
    mentoredShare: share(row.young_mentored, row.young),
    mentors: row.mentors,
    maxMenteesPerMentor: row.max_mentees,
    meanMenteesPerMentor: row.mean_mentees,
    diagnosedAtStart: row.diagnosed_start,
    deficitShareAtStart: atStart,
    diagnosedAtEnd: row.diagnosed_end,
    deficitShareAtEnd: atEnd,
    deficitShareChange: atStart !== null && atEnd !== null ? atEnd - atStart : null,
  };
}

/**
 * Writes the year's 2.2.DIAGNOSED (diagnosed here / teachers here now), 2.2.IOM (with a route /
 * with deficits) and 2.2.MENTORED (young with a mentor / young) of every organization of the
 * region; a share without a denominator is not written, and a computed value no longer produced
 * is removed. Three statements; returns the values written (inserted or changed).
 */
export async function writeTeacherIndicators(
  em: EntityManager,
  { academicYear, regionId }: { academicYear: string; regionId: number },
): Promise<number> {
  const year = academicYearBounds(academicYear);
  const rows = await figuresOf(em, { kind: 'organizations', regionId }, year);
  const values = rows.flatMap((row) =>
    [
      { code: TEACHER_INDICATORS.diagnosed, numerator: row.diagnosed, denominator: row.teachers },
      { code: TEACHER_INDICATORS.iom, numerator: row.with_route, denominator: row.with_deficits },
      { code: TEACHER_INDICATORS.mentored, numerator: row.young_mentored, denominator: row.young },
    ]
      .filter((value) => value.denominator > 0)
      .map((value) => ({
        ...value,
        value: (100 * value.numerator) / value.denominator,
        organizationId: row.unit_id,
        municipalityId: row.municipality_id,
      })),
  );
  return replaceComputedValues(
    em,
    {
      regionId,
      period: year.code,
      periodStart: year.start,
      codes: Object.values(TEACHER_INDICATORS),
    },
    values,
  );
}

export async function deficitHeatmapFor(
  em: EntityManager,
  input: DeficitHeatmapInput,
  access: Access,
): Promise<DeficitHeatmapCell[]> {
  const { unit } = await scopedUnit(em, input, access.aggregateScope());
  return deficitHeatmap(em, {
    campaignCodes: input.campaignCodes,
    academicYear: input.academicYear,
    ...unit,
  });
}

export async function teacherAnalyticsFor(
  em: EntityManager,
  input: TeacherAnalyticsInput,
  access: Access,
): Promise<TeacherAnalyticsRow[]> {
  const { unit } = await scopedUnit(em, input, access.aggregateScope());
  return teacherAnalytics(em, { academicYear: input.academicYear, ...unit });
}

/**
 * Writes the region's teacher indicators of a year in one audited transaction (administrators,
 * and regional analysts for their own region); a dry run computes and writes, then rolls back.
 */
export async function runTeacherIndicators(
  em: EntityManager,
  access: Access,
  request: { regionCode: string; academicYear: string; dryRun?: boolean },
): Promise<number> {
  const region = await em.findOne(Region, { code: request.regionCode });
  if (!region) {
    throw new NotFoundHubError(`Регион ${request.regionCode} не найден`, { field: 'regionCode' });
  }
  access.assertRegionAnalyst(region.id, 'write these values');
  academicYearBounds(request.academicYear);
  return auditedTransaction(
    em,
    access.auditActor(),
    (tem) =>
      writeTeacherIndicators(tem, { academicYear: request.academicYear, regionId: region.id }),
    { dryRun: request.dryRun },
  );
}
