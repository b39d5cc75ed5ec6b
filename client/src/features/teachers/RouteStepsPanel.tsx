// The steps of one route (ИОМ), edited as a small table and saved with the route: the steps sent
// replace the stored ones.
import { useState } from 'react';

import { errorMessage, gql } from '../../api/graphql';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/ru';
import type { RouteRow } from './routeRow';
import { routeInput } from './routeRow';
import { teacherName } from './teacherLabels';
import type {
  BulkRowError,
  RouteNode,
  RouteStepKind,
  RouteStepNode,
  StepStatus,
  UpsertRoutesData,
} from './teachers.queries';
import { STEP_KINDS, STEP_STATUSES, UPSERT_ROUTES_MUTATION } from './teachers.queries';

export const stepKindKey = (kind: string) => `tch.stepKind.${kind}` as MessageKey;
export const stepStatusKey = (status: string) => `tch.stepStatus.${status}` as MessageKey;

interface RouteStepsPanelProps {
  route: RouteRow;
  canWrite: boolean;
  onSaved: (node: RouteNode) => void;
  onClose: () => void;
}

const emptyStep = (): RouteStepNode => ({
  kind: 'REFRESHER_COURSE',
  title: '',
  provider: null,
  hours: null,
  dueDate: null,
  status: 'PLANNED',
});

export function RouteStepsPanel({ route, canWrite, onSaved, onClose }: RouteStepsPanelProps) {
  const { t } = useI18n();
  const [steps, setSteps] = useState<RouteStepNode[]>(() => route.steps.map((s) => ({ ...s })));
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const editable = canWrite && route.id !== null && route.status !== 'CLOSED';

  const change = (i: number, patch: Partial<RouteStepNode>) => {
    setSteps((current) => current.map((s, j) => (j === i ? { ...s, ...patch } : s)));
    setDirty(true);
  };

  const save = async () => {
    const missing = steps.findIndex((s) => s.title.trim() === '');
    if (missing >= 0) {
      setErrors([t('tch.steps.titleRequired', { n: missing + 1 })]);
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      const data = await gql<UpsertRoutesData>(UPSERT_ROUTES_MUTATION, {
        rows: [routeInput(route, steps)],
      });
      const result = data.upsertIndividualRoutes;
      if (!result.ok) {
        setErrors(
          result.errors.map((e: BulkRowError) =>
            e.field ? `${e.field}: ${e.message}` : e.message,
          ),
        );
        return;
      }
      setDirty(false);
      onSaved(result.rows[0]);
    } catch (e) {
      setErrors([errorMessage(e)]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <aside className="tch-panel tch-panel-wide" data-testid="steps-panel">
      <header>
        <h3>{t('tch.steps.title')}</h3>
        <button
          type="button"
          onClick={() => (!dirty || window.confirm(t('grid.leaveWarning'))) && onClose()}
          aria-label={t('tch.close')}
        >
          ×
        </button>
      </header>
      <p className="muted">
        {teacherName(t, route.teacherName)} · {route.personnelCode}
      </p>
      {route.id === null && <p className="muted">{t('tch.steps.saveRouteFirst')}</p>}
      {steps.length === 0 ? (
        <p className="empty">{t('tch.steps.none')}</p>
      ) : (
        <table className="tch-steps">
          <thead>
            <tr>
              <th>{t('tch.steps.kind')}</th>
              <th>{t('tch.steps.stepTitle')}</th>
              <th>{t('tch.steps.provider')}</th>
              <th>{t('tch.steps.hours')}</th>
              <th>{t('tch.steps.dueDate')}</th>
              <th>{t('tch.col.status')}</th>
              {editable && <th />}
            </tr>
          </thead>
          <tbody>
            {steps.map((step, i) => (
              <tr key={i} data-testid="route-step">
                <td>
                  <select
                    value={step.kind}
                    disabled={!editable}
                    onChange={(e) => change(i, { kind: e.target.value as RouteStepKind })}
                  >
                    {STEP_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(stepKindKey(k))}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    value={step.title}
                    disabled={!editable}
                    onChange={(e) => change(i, { title: e.target.value })}
                    data-testid="step-title"
                  />
                </td>
                <td>
                  <input
                    value={step.provider ?? ''}
                    disabled={!editable}
                    onChange={(e) => change(i, { provider: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    min={0}
                    step="any"
                    className="tch-hours"
                    value={step.hours ?? ''}
                    disabled={!editable}
                    onChange={(e) =>
                      change(i, { hours: e.target.value === '' ? null : Number(e.target.value) })
                    }
                  />
                </td>
                <td>
                  <input
                    type="date"
                    value={step.dueDate ?? ''}
                    disabled={!editable}
                    onChange={(e) => change(i, { dueDate: e.target.value || null })}
                  />
                </td>
                <td>
                  <select
                    value={step.status ?? 'PLANNED'}
                    disabled={!editable}
                    onChange={(e) => change(i, { status: e.target.value as StepStatus })}
                  >
                    {STEP_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(stepStatusKey(s))}
                      </option>
                    ))}
                  </select>
                </td>
                {editable && (
                  <td>
                    <button
                      type="button"
                      onClick={() => {
                        setSteps((current) => current.filter((_, j) => j !== i));
                        setDirty(true);
                      }}
                      aria-label={t('tch.steps.remove')}
                      title={t('tch.steps.remove')}
                    >
                      −
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {errors.length > 0 && (
        <ul className="query-error" role="alert" data-testid="steps-errors">
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
      {editable && (
        <div className="import-actions">
          <button
            type="button"
            onClick={() => {
              setSteps((current) => [...current, emptyStep()]);
              setDirty(true);
            }}
            data-testid="step-add"
          >
            {t('tch.steps.add')}
          </button>
          <button
            type="button"
            disabled={!dirty || saving}
            onClick={() => void save()}
            data-testid="steps-save"
          >
            {saving ? t('grid.saving') : t('tch.steps.save')}
          </button>
        </div>
      )}
    </aside>
  );
}
