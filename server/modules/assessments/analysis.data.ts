// What the analysis reads from the database, in a few set-based statements: the region's
// results of a year with their procedures, regional aggregates per procedure (weighted means,
// per-task completion, share of «2»), yearly school scores for ШНОР, social-passport values.
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../../shared/pg-array';
import type { SchoolType } from '../geography/geography.entity';
import type { ProcedureKind } from './assessments.enums';
import type { ProcedureTask } from './assessments.entity';

/** One school's result on one procedure, with what the signs need of the procedure. */
export interface ResultRow {
  organizationId: number;
  municipalityId: number;
  schoolType: SchoolType | null;
  procedureId: number;
  procedureCode: string;
  kind: ProcedureKind;
  subject: string;
  grade: number | null;
  maxScore: number;
  tasks: ProcedureTask[];
  markThresholds: Record<string, number>;
  participants: number;
  mark2: number | null;
  mark3: number | null;
  mark4: number | null;
  mark5: number | null;
  scoreSd: number | null;
  meanPercent: number | null;
  taskCompletion: number[] | null;
  journalLowered: number | null;
  journalConfirmed: number | null;
  journalRaised: number | null;
  medalists: number | null;
  medalistsBelowRequirement: number | null;
  scoreHistogram: Record<string, number> | null;
}

/** The region's figures of one procedure. */
export interface RegionFigures {
  /** Participant-weighted mean % correct over the schools that report it. */
  meanPercent: number | null;
  /** Participant-weighted completion of each task, %, in task order. */
  taskCompletion: number[];
  /** Σ«2» / Σ marks, %. */
  shareOfTwos: number | null;
}

/** Every result of `year` in the region, with its procedure and the school's type. */
export async function loadResults(
  em: EntityManager,
  regionId: number,
  year: number,
): Promise<ResultRow[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select r.organization_id, r.municipality_id, o.school_type, p.id as procedure_id,
            p.code as procedure_code, p.kind, p.subject, p.grade, p.max_score, p.tasks,
            p.mark_thresholds, r.participants, r.mark2, r.mark3, r.mark4, r.mark5, r.score_sd,
            r.mean_percent, r.task_completion, r.journal_lowered, r.journal_confirmed,
            r.journal_raised, r.medalists, r.medalists_below_requirement, r.score_histogram
       from assessment_result r
       join assessment_procedure p on p.id = r.procedure_id
       join municipality m on m.id = r.municipality_id
       join organization o on o.id = r.organization_id
      where p.year = ? and m.region_id = ?
      order by p.code, r.organization_id`,
    [year, regionId],
  );
  return rows.map((row) => ({
    organizationId: Number(row.organization_id),
    municipalityId: Number(row.municipality_id),
    schoolType: (row.school_type as SchoolType | null) ?? null,
    procedureId: Number(row.procedure_id),
    procedureCode: String(row.procedure_code),
    kind: row.kind as ProcedureKind,
    subject: String(row.subject),
    grade: row.grade === null ? null : Number(row.grade),
    maxScore: Number(row.max_score),
    tasks: (row.tasks as ProcedureTask[]) ?? [],
    markThresholds: (row.mark_thresholds as Record<string, number>) ?? {},
    participants: Number(row.participants),
    mark2: numberOrNull(row.mark2),
    mark3: numberOrNull(row.mark3),
    mark4: numberOrNull(row.mark4),
    mark5: numberOrNull(row.mark5),
    scoreSd: numberOrNull(row.score_sd),
    meanPercent: numberOrNull(row.mean_percent),
    taskCompletion: (row.task_completion as number[] | null) ?? null,
    journalLowered: numberOrNull(row.journal_lowered),
    journalConfirmed: numberOrNull(row.journal_confirmed),
    journalRaised: numberOrNull(row.journal_raised),
    medalists: numberOrNull(row.medalists),
    medalistsBelowRequirement: numberOrNull(row.medalists_below_requirement),
    scoreHistogram: (row.score_histogram as Record<string, number> | null) ?? null,
  }));
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/**
 * Regional figures per procedure of `year`, computed in SQL: weighted means over the schools
 * with participants, per-task completion from the JSON arrays, and the share of «2».
 */
export async function loadRegionFigures(
  em: EntityManager,
  regionId: number,
  year: number,
): Promise<Map<number, RegionFigures>> {
  const params = [year, regionId];
  const means = await em.execute<Record<string, unknown>[]>(
    `select r.procedure_id,
            sum(r.participants * r.mean_percent) / nullif(sum(r.participants) filter (where r.mean_percent is not null), 0) as mean_percent,
            100.0 * sum(r.mark2) / nullif(sum(r.mark2 + r.mark3 + r.mark4 + r.mark5), 0) as share_of_twos
       from assessment_result r
       join assessment_procedure p on p.id = r.procedure_id
       join municipality m on m.id = r.municipality_id
      where p.year = ? and m.region_id = ? and r.participants > 0
      group by r.procedure_id`,
    params,
  );
  const tasks = await em.execute<Record<string, unknown>[]>(
    `select r.procedure_id, t.position,
            sum(r.participants * t.value::float8) / sum(r.participants) as completion
       from assessment_result r
       join assessment_procedure p on p.id = r.procedure_id
       join municipality m on m.id = r.municipality_id
       cross join lateral jsonb_array_elements_text(
         case when jsonb_typeof(r.task_completion) = 'array' then r.task_completion else '[]' end
       ) with ordinality t(value, position)
      where p.year = ? and m.region_id = ? and r.participants > 0
      group by r.procedure_id, t.position
      order by r.procedure_id, t.position`,
    params,
  );
  const figures = new Map<number, RegionFigures>();
  for (const row of means) {
    figures.set(Number(row.procedure_id), {
      meanPercent: numberOrNull(row.mean_percent),
      shareOfTwos: numberOrNull(row.share_of_twos),
      taskCompletion: [],
    });
  }
  for (const row of tasks) {
    figures.get(Number(row.procedure_id))?.taskCompletion.push(Number(row.completion));
  }
  return figures;
}

/** One school's ШНОР score in one year: weighted mean % over the chosen procedures. */
export interface SchoolYearScore {
  organizationId: number;
  municipalityId: number;
  year: number;
  score: number;
  /** Mean participants per chosen procedure (pupils are not counted twice). */
  cohort: number;
  /** The school has a stored objectivity sign in that year. */
  objectivityFlag: boolean;
}

export async function loadSchoolYearScores(
  em: EntityManager,
  regionId: number,
  years: { from: number; to: number },
  procedures: { kinds: readonly string[]; subjects: readonly string[] },
): Promise<SchoolYearScore[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select r.organization_id, r.municipality_id, p.year,
            sum(r.participants * r.mean_percent) / sum(r.participants) as score,
            round(avg(r.participants)) as cohort,
            exists (select 1 from objectivity_sign s
                     where s.organization_id = r.organization_id and s.year = p.year) as flagged
       from assessment_result r
       join assessment_procedure p on p.id = r.procedure_id
       join municipality m on m.id = r.municipality_id
      where m.region_id = ? and p.year between ? and ?
        and p.kind::text = any(?::text[]) and p.subject = any(?::text[])
        and r.mean_percent is not null and r.participants > 0
      group by r.organization_id, r.municipality_id, p.year`,
    [regionId, years.from, years.to, pgArray(procedures.kinds), pgArray(procedures.subjects)],
  );
  return rows.map((row) => ({
    organizationId: Number(row.organization_id),
    municipalityId: Number(row.municipality_id),
    year: Number(row.year),
    score: Number(row.score),
    cohort: Number(row.cohort),
    objectivityFlag: Boolean(row.flagged),
  }));
}

/** Social-passport values of the region's schools for one period, by indicator code. */
export interface SchoolSocialRow {
  organizationId: number;
  municipalityId: number;
  values: Record<string, number>;
}

export async function loadSocialValues(
  em: EntityManager,
  regionId: number,
  period: string,
  indicatorCodes: readonly string[],
): Promise<SchoolSocialRow[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select v.organization_id, v.municipality_id, i.code, v.value
       from indicator_value v
       join indicator i on i.id = v.indicator_id
       join municipality m on m.id = v.municipality_id
      where m.region_id = ? and v.period = ? and v.organization_id is not null
        and i.code = any(?::text[])
      order by v.organization_id`,
    [regionId, period, pgArray(indicatorCodes)],
  );
  const bySchool = new Map<number, SchoolSocialRow>();
  for (const row of rows) {
    const id = Number(row.organization_id);
    const entry = bySchool.get(id) ?? {
      organizationId: id,
      municipalityId: Number(row.municipality_id),
      values: {},
    };
    entry.values[String(row.code)] = Number(row.value);
    bySchool.set(id, entry);
  }
  return [...bySchool.values()];
}
