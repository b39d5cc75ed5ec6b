import { useMemo } from 'react';

import { useQuery } from '../../api/useQuery';
import { useT } from '../../i18n/I18nProvider';
import type { AnalysisSettingsData } from './analysis.queries';
import { ANALYSIS_SETTINGS_QUERY } from './analysis.queries';
import { flattenSettings } from './objectivity.model';

/** The thresholds of the signs in force, read-only, folded away by default. */
export function AnalysisSettingsView() {
  const t = useT();
  const query = useQuery<AnalysisSettingsData>(ANALYSIS_SETTINGS_QUERY, {});
  const entries = useMemo(() => {
    const settings = query.data?.assessmentAnalysisSettings as
      | Record<string, unknown>
      | null
      | undefined;
    return flattenSettings(settings?.objectivity ?? null);
  }, [query.data]);
  if (entries.length === 0) {
    return null;
  }
  return (
    <details className="asm-settings" data-testid="analysis-settings">
      <summary>{t('asm.settings.title')}</summary>
      <table className="asm-settings-table">
        <tbody>
          {entries.map((e) => (
            <tr key={e.key}>
              <th scope="row">{e.key}</th>
              <td>{e.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
