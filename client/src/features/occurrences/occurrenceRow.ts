import type { SaveChange } from '../../components/editable-grid';
import type {
  OccurrenceFilter,
  OccurrenceInput,
  OccurrenceNode,
  OccurrenceStatus,
  UpsertOccurrencesData,
} from './occurrences.queries';

export interface OccurrenceRow {
  id: string | null;
  version: number | null;
  activityId: string;
  dueDate: string;
  number: string;
  text: string;
  municipalityName: string;
  status: OccurrenceStatus;
  overdue: boolean;
  reportText: string;
  evidenceUrl: string;
}

export interface OccurrenceFilters {
  municipalityId: string;
  status: OccurrenceStatus | '';
  overdueOnly: boolean;
  dueFrom: string;
  dueTo: string;
  text: string;
}

export const EMPTY_FILTERS: OccurrenceFilters = {
  municipalityId: '',
  status: '',
  overdueOnly: false,
  dueFrom: '',
  dueTo: '',
  text: '',
};

export function toOccurrenceRow(node: OccurrenceNode): OccurrenceRow {
  return {
    id: node.id,
    version: node.version,
    activityId: node.activity.id,
    dueDate: node.dueDate,
    number: node.activity.number,
    text: node.activity.text,
    municipalityName: node.activity.roadmap?.municipality.name ?? '',
    status: node.status,
    overdue: node.overdue,
    reportText: node.reportText ?? '',
    evidenceUrl: node.evidenceUrl ?? '',
  };
}

/** Filter input of the API from the page's filter form; empty fields are left out. */
export function toOccurrenceFilter(f: OccurrenceFilters): OccurrenceFilter {
  const filter: OccurrenceFilter = {};
  if (f.municipalityId) {
    filter.municipalityId = { eq: f.municipalityId };
  }
  if (f.status) {
    filter.status = { in: [f.status] };
  }
  if (f.overdueOnly) {
    filter.overdue = true;
  }
  if (f.dueFrom || f.dueTo) {
    filter.dueDate = {
      ...(f.dueFrom ? { gte: f.dueFrom } : {}),
      ...(f.dueTo ? { lte: f.dueTo } : {}),
    };
  }
  if (f.text.trim()) {
    filter.text = { contains: f.text.trim() };
  }
  return filter;
}

const EDITABLE = ['status', 'reportText', 'evidenceUrl'] as const;

export function toOccurrenceInput(change: SaveChange<OccurrenceRow>): OccurrenceInput {
  const { row } = change;
  const input: OccurrenceInput = { id: row.id ?? undefined, version: row.version ?? undefined };
  for (const field of EDITABLE) {
    if (!change.changedFields.includes(field)) {
      continue;
    }
    if (field === 'status') {
      input.status = row.status;
    } else {
      // Cleared texts are sent as null.
      input[field] = row[field].trim() === '' ? null : row[field].trim();
    }
  }
  return input;
}

export function mergeSavedOccurrence(
  row: OccurrenceRow,
  saved: UpsertOccurrencesData['upsertActivityOccurrences']['rows'][number],
): OccurrenceRow {
  return {
    ...row,
    id: saved.id,
    version: saved.version,
    status: saved.status,
    overdue: saved.overdue,
    reportText: saved.reportText ?? '',
    evidenceUrl: saved.evidenceUrl ?? '',
  };
}
