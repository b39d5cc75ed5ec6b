// Rows of the routes grid (ИОМ: one per route) and their save mapping; steps are edited in the
// side panel and sent with the whole route.
import type { RowError, SaveChange } from '../../components/editable-grid';
import { areaListOf } from './teacherLabels';
import type {
  IndividualRouteInput,
  RouteNode,
  RouteStatus,
  RouteStepInput,
  RouteStepNode,
} from './teachers.queries';

export interface RouteRow {
  id: string | null;
  version: number | null;
  personnelCode: string;
  teacherName: string | null;
  organizationName: string;
  /** Code of the source diagnosis' campaign. */
  campaignCode: string | null;
  /** Codes joined by «,». */
  targetedDeficits: string | null;
  status: RouteStatus | null;
  openedOn: string | null;
  closedOn: string | null;
  /** «CNPPM-2025-03 · 2025-03-14»: the diagnosis that closed the route. */
  closedByCode: string | null;
  closedByDate: string | null;
  tutor: string;
  steps: RouteStepNode[];
  stepCount: number;
}

export function routeRow(node: RouteNode): RouteRow {
  return {
    id: node.id,
    version: node.version,
    personnelCode: node.teacher.personnelCode,
    teacherName: node.teacher.fullName,
    organizationName: node.teacher.organization?.shortName ?? '',
    campaignCode: node.diagnostic?.campaign.code ?? null,
    targetedDeficits: node.targetedDeficits.length ? node.targetedDeficits.join(',') : null,
    status: node.status,
    openedOn: node.openedOn,
    closedOn: node.closedOn,
    closedByCode: node.closedBy?.campaign.code ?? null,
    closedByDate: node.closedBy?.campaign.heldOn ?? null,
    tutor: node.tutor ?? '',
    steps: node.steps,
    stepCount: node.steps.length,
  };
}

/** Open routes first, then newest first. */
export function toRouteRows(nodes: readonly RouteNode[]): RouteRow[] {
  const rank: Record<RouteStatus, number> = { OPEN: 0, CLOSED: 1, CANCELLED: 2 };
  return nodes
    .map(routeRow)
    .sort(
      (a, b) =>
        rank[a.status ?? 'OPEN'] - rank[b.status ?? 'OPEN'] ||
        (b.openedOn ?? '').localeCompare(a.openedOn ?? '') ||
        a.personnelCode.localeCompare(b.personnelCode),
    );
}

export function emptyRouteRow(today: string): RouteRow {
  return {
    id: null,
    version: null,
    personnelCode: '',
    teacherName: null,
    organizationName: '',
    campaignCode: null,
    targetedDeficits: null,
    status: 'OPEN',
    openedOn: today,
    closedOn: null,
    closedByCode: null,
    closedByDate: null,
    tutor: '',
    steps: [],
    stepCount: 0,
  };
}

/** A step as the API takes it (empty texts as null). */
export function stepInput(step: RouteStepNode): RouteStepInput {
  const text = (value: string | null) => (value && value.trim() !== '' ? value.trim() : null);
  return {
    kind: step.kind,
    title: step.title.trim(),
    provider: text(step.provider),
    hours: step.hours,
    dueDate: text(step.dueDate),
    status: step.status,
  };
}

/**
 * The route as one input: keys, the fields the grid edits, the source diagnosis of a new route
 * (its deficits are the default targets), and the steps when asked (they replace the stored ones).
 * A closed route's status is not sent: a later diagnosis closes it, not the grid.
 */
export function routeInput(row: RouteRow, steps?: readonly RouteStepNode[]): IndividualRouteInput {
  const input: IndividualRouteInput = {
    personnelCode: row.personnelCode.trim(),
    openedOn: row.openedOn ?? '',
    tutor: row.tutor.trim() === '' ? null : row.tutor.trim(),
  };
  if (row.id !== null) {
    input.id = row.id;
    if (row.version !== null) {
      input.version = row.version;
    }
  }
  if (row.campaignCode) {
    input.campaignCode = row.campaignCode;
  }
  const targeted = areaListOf(row.targetedDeficits);
  if (targeted.length > 0 || row.id !== null) {
    input.targetedDeficits = targeted;
  }
  if (row.status === 'OPEN' || row.status === 'CANCELLED') {
    input.status = row.status;
  }
  if (steps) {
    input.steps = steps.map(stepInput);
  }
  return input;
}

export interface RouteInputs {
  inputs: IndividualRouteInput[];
  origins: number[];
  errors: RowError[];
}

/** One input per changed row; a new route needs its teacher and opening date. */
export function toRouteInputs(
  changes: readonly SaveChange<RouteRow>[],
  required: string,
): RouteInputs {
  const result: RouteInputs = { inputs: [], origins: [], errors: [] };
  for (const change of changes) {
    const { row } = change;
    const missing = [
      ...(row.personnelCode.trim() === '' ? ['personnelCode'] : []),
      ...(!row.openedOn ? ['openedOn'] : []),
    ];
    if (missing.length > 0) {
      for (const field of missing) {
        result.errors.push({ index: change.index, field, code: 'REQUIRED', message: required });
      }
      continue;
    }
    result.inputs.push(routeInput(row, change.isNew && row.steps.length ? row.steps : undefined));
    result.origins.push(change.index);
  }
  return result;
}

/** Steps done of all (cancelled ones left out of both). */
export function stepProgress(steps: readonly RouteStepNode[]): { done: number; total: number } {
  const live = steps.filter((s) => s.status !== 'CANCELLED');
  return { done: live.filter((s) => s.status === 'DONE').length, total: live.length };
}
