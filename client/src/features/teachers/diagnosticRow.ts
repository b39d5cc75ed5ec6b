// Rows of the diagnostic results grid (one per teacher of the municipality, a column per area of
// the campaign) and their save mapping.
import type { RowError, SaveChange } from '../../components/editable-grid';
import type { CampaignArea } from './teacherLabels';
import { scoresByArea } from './teacherLabels';
import type {
  BulkRowError,
  CompetencyArea,
  DiagnosticResultInput,
  DiagnosticResultNode,
  TeacherNode,
} from './teachers.queries';
import { COMPETENCY_AREAS } from './teachers.queries';

export type ScoreField = `score_${CompetencyArea}`;

export const scoreField = (area: CompetencyArea): ScoreField => `score_${area}`;

export type DiagnosticRow = {
  /** `t:<teacher id>`. */
  id: string;
  /** Version of the stored result; null while the teacher has none. */
  version: number | null;
  teacherId: string;
  personnelCode: string;
  fullName: string | null;
  organizationId: string;
  organizationName: string;
  /** Deficits found by the server, as codes joined by «,». */
  deficits: string;
} & Record<ScoreField, number | null>;

type TeacherRef = Pick<TeacherNode, 'id' | 'personnelCode' | 'fullName'> & {
  organization: { id: string; shortName: string | null; name: string };
};

function scoreCells(node: DiagnosticResultNode | null): Record<ScoreField, number | null> {
  const scores = scoresByArea(node?.scores);
  return Object.fromEntries(
    COMPETENCY_AREAS.map((area) => [scoreField(area), scores[area] ?? null]),
  ) as Record<ScoreField, number | null>;
}

export function diagnosticRow(
  teacher: TeacherRef,
  node: DiagnosticResultNode | null,
): DiagnosticRow {
  return {
    id: `t:${teacher.id}`,
    version: node?.version ?? null,
    teacherId: teacher.id,
    personnelCode: teacher.personnelCode,
    fullName: teacher.fullName,
    organizationId: (node?.organization ?? teacher.organization).id,
    organizationName:
      (node?.organization ?? teacher.organization).shortName ??
      (node?.organization ?? teacher.organization).name,
    deficits: (node?.deficits ?? []).join(','),
    ...scoreCells(node),
  };
}

/**
 * One row per teacher of the municipality, with the result of the campaign when there is one; a
 * result of a teacher who has since left (diagnosed here) keeps its row. Ordered by school, then
 * name, then personnel code.
 */
export function toDiagnosticRows(
  teachers: readonly TeacherRef[],
  results: readonly DiagnosticResultNode[],
): DiagnosticRow[] {
  const byTeacher = new Map(results.map((r) => [r.teacher.id, r]));
  const rows = teachers.map((t) => diagnosticRow(t, byTeacher.get(t.id) ?? null));
  const listed = new Set(teachers.map((t) => t.id));
  for (const result of results) {
    if (!listed.has(result.teacher.id)) {
      rows.push(diagnosticRow({ ...result.teacher, organization: result.organization }, result));
    }
  }
  return rows.sort(
    (a, b) =>
      a.organizationName.localeCompare(b.organizationName, 'ru') ||
      (a.fullName ?? '\uffff').localeCompare(b.fullName ?? '\uffff', 'ru') ||
      a.personnelCode.localeCompare(b.personnelCode, 'ru'),
  );
}

export interface DiagnosticInputs {
  inputs: DiagnosticResultInput[];
  origins: number[];
}

/**
 * One input per changed row with every score of the campaign's areas that is filled in; a teacher
 * without a result whose cells were all left empty sends nothing.
 */
export function toDiagnosticInputs(
  changes: readonly SaveChange<DiagnosticRow>[],
  campaignCode: string,
  areas: readonly CampaignArea[],
): DiagnosticInputs {
  const result: DiagnosticInputs = { inputs: [], origins: [] };
  for (const change of changes) {
    const { row } = change;
    const scores: Partial<Record<CompetencyArea, number>> = {};
    for (const { area } of areas) {
      const value = row[scoreField(area)];
      if (value !== null && value !== undefined) {
        scores[area] = value;
      }
    }
    if (Object.keys(scores).length === 0 && row.version === null) {
      continue;
    }
    const input: DiagnosticResultInput = {
      campaignCode,
      personnelCode: row.personnelCode,
      scores,
    };
    if (row.version !== null) {
      input.version = row.version;
    }
    result.inputs.push(input);
    result.origins.push(change.index);
  }
  return result;
}

/** Server errors → grid errors; «scores» names no one cell, so the row carries it. */
export function toDiagnosticGridErrors(
  errors: readonly BulkRowError[],
  origins: readonly number[],
): RowError[] {
  return errors.map((error) => ({
    index: origins[error.index] ?? 0,
    field: error.field === 'scores' || error.field === 'version' ? null : error.field,
    code: error.code,
    message: error.message,
  }));
}

/** Rows with the saved results merged in: versions and the deficits the server found. */
export function applySavedDiagnostics(
  rows: readonly DiagnosticRow[],
  saved: readonly DiagnosticResultNode[],
): DiagnosticRow[] {
  const byTeacher = new Map(saved.map((node) => [node.teacher.id, node]));
  return rows.map((row) => {
    const node = byTeacher.get(row.teacherId);
    return node
      ? {
          ...row,
          version: node.version,
          deficits: node.deficits.join(','),
          ...scoreCells(node),
        }
      : row;
  });
}
