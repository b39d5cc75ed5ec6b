import './teachers.css';

import { useCallback, useEffect, useMemo, useState } from 'react';

import type { SaveChange, SaveResult } from '../../components/editable-grid';
import { EditableGrid } from '../../components/editable-grid';
import { useI18n } from '../../i18n/I18nProvider';
import { useAllNodes } from '../assessments/useAllNodes';
import { writerOf } from '../auth/access';
import { useAuth } from '../auth/AuthProvider';
import type { MentorshipRow } from './mentorshipRow';
import {
  emptyMentorshipRow,
  mentorshipRow,
  toMentorshipInputs,
  toMentorshipRows,
} from './mentorshipRow';
import { buildMentorshipColumns, mentorshipStatusKey } from './mentorships.columns';
import { statusParam, upsertGridRows } from './teacherGrid';
import { GridNotices, StatusFilter, TeacherGridPage } from './TeacherGridPage';
import { canWriteTeacherRow } from './teacherRow';
import type {
  MentorshipNode,
  MentorshipsData,
  MentorshipStatus,
  UpsertMentorshipsData,
} from './teachers.queries';
import {
  MENTORSHIP_STATUSES,
  MENTORSHIPS_QUERY,
  UPSERT_MENTORSHIPS_MUTATION,
} from './teachers.queries';
import type { PageProps } from './useTeacherData';
import { todayIso, useMunicipalityParam, useTeacherDirectory, useTeachers } from './useTeacherData';

const pickMentorships = (d: MentorshipsData) => d.mentorships;
const UPSERT = {
  query: UPSERT_MENTORSHIPS_MUTATION,
  pick: (d: UpsertMentorshipsData) => d.upsertMentorships,
  toRow: mentorshipRow,
};

/** «Наставничество»: mentor–mentee pairs of a municipality. */
export function MentorshipsPage(props: PageProps) {
  const { t } = useI18n();
  const page = useMunicipalityParam(props);
  const status = statusParam(props.params, MENTORSHIP_STATUSES);

  return (
    <TeacherGridPage
      testId="mentorships-page"
      title={t('tch.mentor.title')}
      page={page}
      filters={
        <>
          <StatusFilter
            statuses={MENTORSHIP_STATUSES}
            value={status}
            label={(s) => t(mentorshipStatusKey(s))}
            onChange={(value) => page.select({ status: value })}
            testId="mentorship-status-filter"
          />
          <span className="muted">{t('tch.mentor.hint')}</span>
        </>
      }
    >
      {(municipalityId) => (
        <MentorshipsGrid
          key={`${municipalityId}|${status ?? ''}`}
          municipalityId={municipalityId}
          status={status}
        />
      )}
    </TeacherGridPage>
  );
}

function MentorshipsGrid({
  municipalityId,
  status,
}: {
  municipalityId: string;
  status: MentorshipStatus | null;
}) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const pairs = useAllNodes<MentorshipNode, MentorshipsData>(
    MENTORSHIPS_QUERY,
    { municipalityId: { eq: municipalityId }, ...(status ? { status: [status] } : {}) },
    pickMentorships,
  );
  const teachers = useTeachers(municipalityId);
  const directory = useTeacherDirectory(teachers.nodes);
  const [rows, setRows] = useState<MentorshipRow[]>([]);
  useEffect(() => setRows(toMentorshipRows(pairs.nodes)), [pairs.nodes]);

  const writer = useMemo(() => writerOf(me), [me]);
  const canWrite = canWriteTeacherRow(writer, municipalityId, { storedOrganizationId: null });
  const columns = useMemo(
    () => buildMentorshipColumns({ t, lang, directory, canWrite }),
    [t, lang, directory, canWrite],
  );
  const newRow = useCallback(() => emptyMentorshipRow(todayIso()), []);

  const messages = useMemo(
    () => ({
      required: t('grid.required'),
      samePerson: t('tch.mentor.samePerson'),
      endsBeforeStart: t('tch.mentor.endsBeforeStart'),
    }),
    [t],
  );
  const save = useCallback(
    (changes: SaveChange<MentorshipRow>[]): Promise<SaveResult> =>
      upsertGridRows(changes, toMentorshipInputs(changes, messages), UPSERT, setRows),
    [messages],
  );

  return (
    <>
      <GridNotices
        error={pairs.error ?? teachers.error}
        onRetry={() => void pairs.reload()}
        readOnly={!canWrite}
        empty={!pairs.loading && !pairs.error && rows.length === 0}
        emptyTestId="mentorships-empty"
        emptyText={t('tch.mentor.empty')}
      />
      <EditableGrid<MentorshipRow>
        columns={columns}
        rows={rows}
        onSave={save}
        onReload={pairs.reload}
        loading={pairs.loading}
        readOnly={!canWrite}
        canAddRows={canWrite}
        newRow={newRow}
      />
    </>
  );
}
