import { Fragment } from 'react';

import { useT } from '../../i18n/I18nProvider';
import { sectionLabel } from '../roadmaps/activityRow';
import { scheduleLabel } from '../roadmaps/roadmaps.columns';
import type { ImportedSectionPreview } from './import.queries';

// A plain table, not AG Grid: the preview is read-only, has no ids and holds a few hundred rows.
export function ImportActivitiesTable({ sections }: { sections: ImportedSectionPreview[] }) {
  const t = useT();
  return (
    <div className="import-table-wrap">
      <table
        className="import-table"
        aria-label={t('import.activitiesTable')}
        data-testid="import-activities"
      >
        <thead>
          <tr>
            <th className="import-col-number">{t('col.number')}</th>
            <th>{t('col.text')}</th>
            <th>{t('col.deadline')}</th>
            <th>{t('col.responsible')}</th>
            <th>{t('col.schedule')}</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((section, s) => (
            <Fragment key={`${s}:${section.number}`}>
              <tr className="import-section" data-testid="import-section">
                <th colSpan={5} scope="rowgroup">
                  {sectionLabel(section)}
                  <span className="import-direction">
                    {section.directionCode
                      ? t('import.direction', { code: section.directionCode })
                      : t('import.noDirection')}
                  </span>
                </th>
              </tr>
              {section.activities.map((activity, a) => (
                <tr key={`${a}:${activity.number}`}>
                  <td className="import-col-number">{activity.number}</td>
                  <td>{activity.text}</td>
                  <td>{activity.deadlineText}</td>
                  <td>{activity.responsibleText}</td>
                  <td>{scheduleLabel(t, activity.scheduleKind)}</td>
                </tr>
              ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
