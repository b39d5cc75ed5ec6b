// Rows of the mentorship grid (mentor and mentee by personnel code) and their save mapping.
import type { RowError, SaveChange } from '../../components/editable-grid';
import type {
  MentorshipDelivery,
  MentorshipForm,
  MentorshipInput,
  MentorshipNode,
  MentorshipStatus,
} from './teachers.queries';

export interface MentorshipRow {
  id: string | null;
  version: number | null;
  mentorCode: string;
  /** Name as stored with the pair (the grid looks typed codes up among the teachers). */
  mentorName: string | null;
  menteeCode: string;
  menteeName: string | null;
  menteeYoung: boolean;
  form: MentorshipForm | null;
  deliveryType: MentorshipDelivery | null;
  programme: string;
  startedOn: string | null;
  endedOn: string | null;
  status: MentorshipStatus | null;
  outcome: string;
}

export function mentorshipRow(node: MentorshipNode): MentorshipRow {
  return {
    id: node.id,
    version: node.version,
    mentorCode: node.mentor.personnelCode,
    mentorName: node.mentor.fullName,
    menteeCode: node.mentee.personnelCode,
    menteeName: node.mentee.fullName,
    menteeYoung: node.mentee.youngSpecialist,
    form: node.form,
    deliveryType: node.deliveryType,
    programme: node.programme ?? '',
    startedOn: node.startedOn,
    endedOn: node.endedOn,
    status: node.status,
    outcome: node.outcome ?? '',
  };
}

/** Newest first, then by mentor. */
export function toMentorshipRows(nodes: readonly MentorshipNode[]): MentorshipRow[] {
  return nodes
    .map(mentorshipRow)
    .sort(
      (a, b) =>
        (b.startedOn ?? '').localeCompare(a.startedOn ?? '') ||
        a.mentorCode.localeCompare(b.mentorCode),
    );
}

export function emptyMentorshipRow(today: string): MentorshipRow {
  return {
    id: null,
    version: null,
    mentorCode: '',
    mentorName: null,
    menteeCode: '',
    menteeName: null,
    menteeYoung: false,
    form: 'TEACHER_TEACHER',
    deliveryType: null,
    programme: '',
    startedOn: today,
    endedOn: null,
    status: 'ACTIVE',
    outcome: '',
  };
}

export interface MentorshipMessages {
  required: string;
  samePerson: string;
  endsBeforeStart: string;
}

export interface MentorshipInputs {
  inputs: MentorshipInput[];
  origins: number[];
  errors: RowError[];
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());

/** One input per changed row with the whole pair (the keys are required on every write). */
export function toMentorshipInputs(
  changes: readonly SaveChange<MentorshipRow>[],
  messages: MentorshipMessages,
): MentorshipInputs {
  const result: MentorshipInputs = { inputs: [], origins: [], errors: [] };
  for (const change of changes) {
    const { row } = change;
    const fail = (field: string, code: string, message: string) =>
      result.errors.push({ index: change.index, field, code, message });
    const before = result.errors.length;
    const mentorCode = row.mentorCode.trim();
    const menteeCode = row.menteeCode.trim();
    for (const [field, value] of [
      ['mentorCode', mentorCode],
      ['menteeCode', menteeCode],
      ['form', row.form],
      ['startedOn', row.startedOn],
    ] as const) {
      if (!value) {
        fail(field, 'REQUIRED', messages.required);
      }
    }
    if (mentorCode !== '' && mentorCode === menteeCode) {
      fail('menteeCode', 'INVALID_FORMAT', messages.samePerson);
    }
    if (row.startedOn && row.endedOn && row.endedOn < row.startedOn) {
      fail('endedOn', 'INVALID_FORMAT', messages.endsBeforeStart);
    }
    if (result.errors.length > before) {
      continue;
    }
    const input: MentorshipInput = {
      mentorCode,
      menteeCode,
      form: row.form!,
      deliveryType: row.deliveryType,
      programme: text(row.programme),
      startedOn: row.startedOn!,
      endedOn: row.endedOn,
      outcome: text(row.outcome),
    };
    if (row.status) {
      input.status = row.status;
    }
    if (row.id !== null) {
      input.id = row.id;
      if (row.version !== null) {
        input.version = row.version;
      }
    }
    result.inputs.push(input);
    result.origins.push(change.index);
  }
  return result;
}
