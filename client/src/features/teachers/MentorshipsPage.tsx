import './teachers.css';

import { useCallback, useEffect, useMemo, useState } from 'react';

import { gql } from '../../api/graphql';
import type { SaveChange, SaveResult } from '../../components/editable-grid';
import { EditableGrid, mergeSavedRows } from '../../components/editable-grid';
import { QueryStatus } from '../../components/QueryStatus';
import { useI18n } from '../../i18n/I18nProvider';
import { useAllNodes } from '../assessments/useAllNodes';
import { writerOf } from '../auth/access';
import { useAuth } from '../auth/AuthProvider';
import { MunicipalitySelect } from '../municipalities/MunicipalitySelect';
import type { MentorshipRow } from './mentorshipRow';
import {
  emptyMentorshipRow,
  mentorshipRow,
  toMentorshipInputs,
  toMentorshipRows,
} from './mentorshipRow';
import { buildMentorshipColumns, mentorshipStatusKey } from './mentorships.columns';
import { canWriteTeacherRow, toGridErrors } from './teacherRow';
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

/** «Наставничество»: mentor–mentee pairs of a municipality. */
export function MentorshipsPage(props: PageProps) {
  const { t } = useI18n();
  const { municipalities, municipalityId, loading, error, select } = useMunicipalityParam(props);
  const statusParam = props.params.get('status') ?? '';
  const status = (MENTORSHIP_STATUSES as readonly string[]).includes(statusParam)
    ? (statusParam as MentorshipStatus)
    : null;

  return (
    <section className="page" data-testid="mentorships-page">
      <h2>{t('tch.mentor.title')}</h2>
      <div className="filters">
        <MunicipalitySelect
          municipalities={municipalities}
          value={municipalityId}
          onChange={(id) => select({ municipality: id })}
          emptyLabel={t('roadmaps.pickMunicipality')}
        />
        <label className="field">
          <span>{t('tch.col.status')}</span>
          <select
            value={status ?? ''}
            onChange={(e) => select({ status: e.target.value })}
            data-testid="mentorship-status-filter"
          >
            <option value="">{t('tch.allStatuses')}</option>
            {MENTORSHIP_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(mentorshipStatusKey(s))}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{t('tch.mentor.hint')}</span>
      </div>
      <QueryStatus loading={loading} error={error} />
      {municipalityId && (
        <MentorshipsGrid
          key={`${municipalityId}|${status ?? ''}`}
          municipalityId={municipalityId}
          status={status}
        />
      )}
    </section>
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
    async (changes: SaveChange<MentorshipRow>[]): Promise<SaveResult> => {
      const { inputs, origins, errors } = toMentorshipInputs(changes, messages);
      if (errors.length > 0) {
        return { errors };
      }
      if (inputs.length === 0) {
        return { errors: [] };
      }
      const data = await gql<UpsertMentorshipsData>(UPSERT_MENTORSHIPS_MUTATION, { rows: inputs });
      const result = data.upsertMentorships;
      if (!result.ok) {
        return { errors: toGridErrors(result.errors, origins) };
      }
      const sent = origins.map((i) => changes[i]);
      setRows((current) => mergeSavedRows(current, sent, result.rows, mentorshipRow));
      return { errors: [] };
    },
    [messages],
  );

  return (
    <>
      <QueryStatus error={pairs.error ?? teachers.error} onRetry={() => void pairs.reload()} />
      {!canWrite && (
        <p className="muted" data-testid="read-only-notice">
          {t('auth.readOnly')}
        </p>
      )}
      {!pairs.loading && !pairs.error && rows.length === 0 && (
        <p className="empty" data-testid="mentorships-empty">
          {t('tch.mentor.empty')}
        </p>
      )}
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
