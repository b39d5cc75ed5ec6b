// The import dialog's findings: the problems by the file's row and column, and the rows as they
// will be written.
import { formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/I18nProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/ru';
import { stageKey, statusKey } from './olympiadLabels';
import type { ProblemField, ProtocolProblem, ProtocolRow } from './protocolFile';

const PREVIEW_ROWS = 200;
const LISTED_PROBLEMS = 200;

const fieldKey = (field: ProblemField): MessageKey => `oly.field.${field}` as MessageKey;

/** A problem as the operator reads it: the file's row, the column (or field), what is wrong. */
export function protocolProblemText(t: Translate, problem: ProtocolProblem): string {
  const message =
    problem.message ??
    t(`oly.import.problem.${problem.code}` as MessageKey, { value: problem.value ?? '' });
  if (problem.column) {
    return t('oly.import.problemCell', { line: problem.line, column: problem.column, message });
  }
  if (problem.field !== 'row') {
    return t('oly.import.problemField', {
      line: problem.line,
      field: t(fieldKey(problem.field)),
      message,
    });
  }
  return t('oly.import.problemRow', { line: problem.line, message });
}

export function ProtocolProblems({ problems }: { problems: readonly ProtocolProblem[] }) {
  const { t } = useI18n();
  return (
    <div className="oly-import-problems" role="alert" data-testid="oly-import-problems">
      <p>{t('oly.import.problems', { n: problems.length })}</p>
      <ul>
        {problems.slice(0, LISTED_PROBLEMS).map((p, i) => (
          <li key={i} data-testid="oly-import-problem" data-line={p.line} data-field={p.field}>
            {protocolProblemText(t, p)}
          </li>
        ))}
      </ul>
      {problems.length > LISTED_PROBLEMS && (
        <p>{t('oly.import.more', { n: problems.length - LISTED_PROBLEMS })}</p>
      )}
    </div>
  );
}

const COLUMNS = [
  'studentCode',
  'fullName',
  'organizationCode',
  'gradeActual',
  'gradePerformed',
  'subject',
  'stage',
  'score',
  'maxScore',
  'status',
] as const;

export function ProtocolPreview({ rows }: { rows: readonly ProtocolRow[] }) {
  const { t, lang } = useI18n();
  const show = (row: ProtocolRow, field: (typeof COLUMNS)[number]): string => {
    const value = row.values[field];
    if (value === null || value === '') {
      // A value refused here: shown as the file has it.
      return row.problems.find((p) => p.field === field && p.code !== 'REQUIRED')?.value ?? '';
    }
    if (field === 'stage') {
      return t(stageKey(row.values.stage!));
    }
    if (field === 'status') {
      return t(statusKey(row.values.status!));
    }
    return typeof value === 'number' ? formatNumber(lang, value, 2) : value;
  };
  return (
    <>
      <div className="import-table-wrap">
        <table className="import-table" data-testid="oly-import-preview">
          <thead>
            <tr>
              <th className="import-col-number">{t('oly.import.line')}</th>
              {COLUMNS.map((field) => (
                <th key={field}>{t(fieldKey(field))}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, PREVIEW_ROWS).map((row) => (
              <tr
                key={row.line}
                className={row.problems.length > 0 ? 'oly-import-bad' : undefined}
                data-testid="oly-import-row"
                data-line={row.line}
              >
                <td className="import-col-number">{row.line}</td>
                {COLUMNS.map((field) => (
                  <td
                    key={field}
                    data-field={field}
                    className={
                      row.problems.some((p) => p.field === field) ? 'oly-cell-bad' : undefined
                    }
                  >
                    {show(row, field)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > PREVIEW_ROWS && (
        <p className="muted">{t('oly.import.moreRows', { n: rows.length - PREVIEW_ROWS })}</p>
      )}
    </>
  );
}
