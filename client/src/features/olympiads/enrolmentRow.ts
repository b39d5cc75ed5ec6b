// Rows of the pupils-per-grade grid and their save mapping: stored figures (one per school, year
// and grade) pivoted to one row per school with a column per grade; changed cells → one
// upsertGradeEnrolments request (a stored figure with its version), server errors → cells.
import type { RowError, SaveChange } from '../../components/editable-grid';
import type { BulkRowError, OrganizationRef } from '../teachers/teachers.queries';
import type { EnrolmentNode, GradeEnrolmentInput } from './enrolments.queries';

export const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
export type Grade = (typeof GRADES)[number];
export type GradeField = `g${Grade}`;

export const gradeField = (grade: Grade): GradeField => `g${grade}`;

/** One school: its pupils per grade, null where no figure is stored. */
export type EnrolmentRow = {
  /** Organization id. */
  id: string;
  version: null;
  organizationCode: string;
  organizationName: string;
  /** The sum of the grades (read-only). */
  total: number | null;
  /** Stored version per grade: a stored figure is changed with it. */
  versions: Partial<Record<Grade, number>>;
} & Record<GradeField, number | null>;

export function sumGrades(row: Partial<Record<GradeField, unknown>>): number | null {
  let total: number | null = null;
  for (const grade of GRADES) {
    const value = row[gradeField(grade)];
    if (typeof value === 'number') {
      total = (total ?? 0) + value;
    }
  }
  return total;
}

/** A row per organization (in the given order) with the stored figures of the year. */
export function pivotEnrolments(
  organizations: readonly OrganizationRef[],
  nodes: readonly EnrolmentNode[],
): EnrolmentRow[] {
  const byOrganization = new Map<string, EnrolmentNode[]>();
  for (const node of nodes) {
    const list = byOrganization.get(node.organization.id) ?? [];
    list.push(node);
    byOrganization.set(node.organization.id, list);
  }
  return organizations.map((o) => {
    const row = {
      id: o.id,
      version: null,
      organizationCode: o.code,
      organizationName: o.shortName ?? o.name,
      total: null,
      versions: {},
    } as unknown as EnrolmentRow;
    for (const grade of GRADES) {
      row[gradeField(grade)] = null;
    }
    for (const node of byOrganization.get(o.id) ?? []) {
      if ((GRADES as readonly number[]).includes(node.grade)) {
        const grade = node.grade as Grade;
        row[gradeField(grade)] = node.pupils;
        row.versions[grade] = node.version;
      }
    }
    row.total = sumGrades(row);
    return row;
  });
}

export interface EnrolmentInputs {
  inputs: GradeEnrolmentInput[];
  /** The grid row (change index) and cell of each input. */
  origins: { index: number; field: GradeField; rowId: string; grade: Grade }[];
  /** Cells refused before sending. */
  errors: RowError[];
}

/**
 * One input per changed grade cell, in the grid's order. A stored figure goes with its version
 * (it cannot be cleared: there is no deletion); an empty new cell is left out.
 */
export function toEnrolmentInputs(
  changes: readonly SaveChange<EnrolmentRow>[],
  academicYear: string,
  required: string,
): EnrolmentInputs {
  const result: EnrolmentInputs = { inputs: [], origins: [], errors: [] };
  for (const change of changes) {
    const { row } = change;
    for (const grade of GRADES) {
      const field = gradeField(grade);
      if (!change.changedFields.includes(field)) {
        continue;
      }
      const pupils = row[field];
      const version = row.versions[grade];
      if (pupils === null) {
        if (version !== undefined) {
          result.errors.push({ index: change.index, field, code: 'REQUIRED', message: required });
        }
        continue;
      }
      const input: GradeEnrolmentInput = {
        organizationCode: row.organizationCode,
        academicYear,
        grade,
        pupils,
      };
      if (version !== undefined) {
        input.version = version;
      }
      result.inputs.push(input);
      result.origins.push({ index: change.index, field, rowId: row.id, grade });
    }
  }
  return result;
}

/** Server row errors (indexes into the inputs) → the grid rows and the cells they concern. */
export function toEnrolmentGridErrors(
  errors: readonly BulkRowError[],
  origins: EnrolmentInputs['origins'],
): RowError[] {
  return errors.map((error) => {
    const origin = origins[error.index];
    return {
      index: origin?.index ?? 0,
      // The school and the year are the row's; the grade, the figure and the version the cell's.
      field:
        origin && error.field !== 'organizationCode' && error.field !== 'academicYear'
          ? origin.field
          : null,
      code: error.code,
      message: error.message,
    };
  });
}

/** The page's rows after a save: the edited rows with the versions of the written figures. */
export function applySavedEnrolments(
  current: readonly EnrolmentRow[],
  changes: readonly SaveChange<EnrolmentRow>[],
  origins: EnrolmentInputs['origins'],
  saved: readonly EnrolmentNode[],
): EnrolmentRow[] {
  const edited = new Map<string, EnrolmentRow>(
    changes.map((c) => [c.row.id, { ...c.row, versions: { ...c.row.versions } }]),
  );
  origins.forEach((origin, i) => {
    const node = saved[i];
    const row = edited.get(origin.rowId);
    if (node && row) {
      row[origin.field] = node.pupils;
      row.versions[origin.grade] = node.version;
    }
  });
  return current.map((r) => {
    const row = edited.get(r.id);
    return row ? { ...row, total: sumGrades(row) } : r;
  });
}
