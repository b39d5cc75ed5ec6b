// Re-check candidates (issue #7 item 3; roadmaps ask to re-check works whose results differ
// sharply from the average): outlier papers and schools with an anomalous share of diplomas,
// each with its evidence. Read on demand, two statements plus the rows they name.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Organization, Municipality } from '../geography/geography.entity';
import type { OlympiadSettings } from './olympiad.settings';
import { OlympiadRecord, OlympiadSubject } from './olympiads.entity';
import type { OlympiadRecheck } from './recheck.types';
import {
  type AnomalousSchoolRow,
  anomalousSchoolsSql,
  type OutlierWorkRow,
  outlierWorksSql,
  type RecheckQuery,
} from './recheck.sql';

const byId = async <T extends { id: number }>(
  em: EntityManager,
  entity: new () => T,
  ids: readonly number[],
): Promise<Map<number, T>> => {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await em.find(entity, { id: { $in: unique } } as never) : [];
  return new Map(rows.map((row) => [row.id, row as T]));
};

export async function olympiadRecheck(
  em: EntityManager,
  query: RecheckQuery,
  settings: OlympiadSettings,
): Promise<OlympiadRecheck> {
  const works = outlierWorksSql(query, settings.outlierMinGroup, settings.outlierZ);
  const workRows = await em.execute<OutlierWorkRow[]>(works.sql, works.params);
  const schools = anomalousSchoolsSql(query, settings.schoolMinEntries, settings.schoolZ);
  const schoolRows = await em.execute<AnomalousSchoolRow[]>(schools.sql, schools.params);

  const records = await byId(
    em,
    OlympiadRecord,
    workRows.map((w) => w.record_id),
  );
  const subjects = await byId(
    em,
    OlympiadSubject,
    workRows.map((w) => w.subject_id),
  );
  const organizations = await byId(em, Organization, [
    ...workRows.map((w) => w.organization_id),
    ...schoolRows.map((s) => s.organization_id),
  ]);
  const municipalities = await byId(
    em,
    Municipality,
    schoolRows.map((s) => s.municipality_id),
  );
  const share = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);
  return {
    regionId: String(query.regionId),
    thresholds: {
      outlierMinGroup: settings.outlierMinGroup,
      outlierZ: settings.outlierZ,
      schoolMinEntries: settings.schoolMinEntries,
      schoolZ: settings.schoolZ,
    },
    works: workRows.map((w) => ({
      record: records.get(w.record_id)!,
      subject: subjects.get(w.subject_id)!,
      organization: organizations.get(w.organization_id)!,
      stage: w.stage,
      gradePerformed: w.grade_performed,
      percent: w.percent,
      groupSize: w.group_size,
      groupMedian: w.group_median,
      groupMad: w.group_mad,
      robustZ: w.robust_z,
      direction: w.direction,
      nextStagePercent: w.next_stage_percent,
    })),
    schools: schoolRows.map((s) => ({
      organization: organizations.get(s.organization_id)!,
      municipality: municipalities.get(s.municipality_id)!,
      stage: s.stage,
      entries: s.entries,
      diplomas: s.diplomas,
      diplomaShare: (100 * s.diplomas) / s.entries,
      referenceShare: (100 * s.reference_diplomas) / s.reference_entries,
      z: s.z,
      diplomaHolders: s.diploma_holders,
      nextStageParticipants: s.next_stage_participants,
      nextStageDiplomaShare: share(s.next_stage_diplomas, s.next_stage_participants),
      referenceNextStageDiplomaShare: share(
        s.reference_next_stage_diplomas,
        s.reference_next_stage_participants,
      ),
    })),
  };
}
