// Flat grid row of an activity and its conversion to and from the API shapes.
import type { SaveChange } from '../../components/editable-grid';
import type { ActivityInput, ActivityNode, SectionNode } from './roadmaps.queries';

export interface ActivityRow {
  id: string | null;
  version: number | null;
  sectionId: string;
  sectionLabel: string;
  number: string;
  text: string;
  deadlineText: string;
  responsibleText: string;
  scheduleKind: string | null;
  cycleComponentCode: number | null;
  executors: string;
}

export function sectionLabel(section: Pick<SectionNode, 'number' | 'title'>): string {
  // Section titles sometimes already start with their number («1. Нормативно-правовое…»).
  const numbered = section.title.startsWith(`${section.number}.`);
  return numbered ? section.title : `${section.number}. ${section.title}`;
}

export function toActivityRow(node: ActivityNode): ActivityRow {
  return {
    id: node.id,
    version: node.version,
    sectionId: node.section.id,
    sectionLabel: sectionLabel(node.section),
    number: node.number,
    text: node.text,
    deadlineText: node.deadlineText ?? '',
    responsibleText: node.responsibleText ?? '',
    scheduleKind: node.schedule?.kind ?? null,
    cycleComponentCode: node.cycleComponent?.code ?? null,
    executors: node.executors.map((e) => e.name).join(', '),
  };
}

const INPUT_FIELDS = [
  'sectionId',
  'number',
  'text',
  'deadlineText',
  'responsibleText',
  'cycleComponentCode',
] as const;

type InputField = (typeof INPUT_FIELDS)[number];

// Texts are sent trimmed; a cleared text is '' (the API reads null as «leave unchanged»).
function inputValue(row: ActivityRow, field: InputField): string | number | null {
  const value = row[field];
  return typeof value === 'string' ? value.trim() : value;
}

export function toActivityInput(change: SaveChange<ActivityRow>): ActivityInput {
  const { row } = change;
  const input: Record<string, unknown> = change.isNew
    ? {}
    : { id: row.id ?? undefined, version: row.version ?? undefined };
  for (const field of INPUT_FIELDS) {
    const send = change.isNew ? row[field] !== null : change.changedFields.includes(field);
    if (send) {
      input[field] = inputValue(row, field);
    }
  }
  return input as ActivityInput;
}

export function emptyActivityRow(section: SectionNode | undefined): ActivityRow {
  return {
    id: null,
    version: null,
    sectionId: section?.id ?? '',
    sectionLabel: section ? sectionLabel(section) : '',
    number: '',
    text: '',
    deadlineText: '',
    responsibleText: '',
    scheduleKind: null,
    cycleComponentCode: null,
    executors: '',
  };
}
