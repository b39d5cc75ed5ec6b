// The pickers the olympiad pages share: academic year, stage, subject.
import { useI18n } from '../../i18n/I18nProvider';
import { stageKey } from './olympiadLabels';
import type { OlympiadStage, SubjectNode } from './olympiads.queries';
import { STAGES } from './olympiads.queries';

export function YearSelect(props: {
  years: readonly string[];
  value: string;
  onChange: (year: string) => void;
  /** Label of the empty choice (every year); none: a year must be chosen. */
  allLabel?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <label className="field">
      <span>{t('oly.filter.year')}</span>
      <select
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId ?? 'oly-year-select'}
      >
        {props.allLabel !== undefined && <option value="">{props.allLabel}</option>}
        {props.years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}

export function StageSelect(props: {
  value: OlympiadStage | '';
  onChange: (stage: OlympiadStage | '') => void;
  /** Label of the empty choice; none: a stage must be chosen. */
  allLabel?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <label className="field">
      <span>{t('oly.filter.stage')}</span>
      <select
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as OlympiadStage | '')}
        data-testid={props.testId ?? 'oly-stage-select'}
      >
        {props.allLabel !== undefined && <option value="">{props.allLabel}</option>}
        {STAGES.map((s) => (
          <option key={s} value={s}>
            {t(stageKey(s))}
          </option>
        ))}
      </select>
    </label>
  );
}

export function SubjectSelect(props: {
  subjects: readonly SubjectNode[];
  value: string;
  onChange: (code: string) => void;
  allLabel: string;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  return (
    <label className="field">
      <span>{t('oly.filter.subject')}</span>
      <select
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId ?? 'oly-subject-select'}
      >
        <option value="">{props.allLabel}</option>
        {props.subjects.map((s) => (
          <option key={s.code} value={s.code}>
            {lang === 'ru' ? s.name : s.nameEn || s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
