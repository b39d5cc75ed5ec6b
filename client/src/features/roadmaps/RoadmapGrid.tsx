import { useCallback, useMemo, useState } from 'react';

import { EditableGrid } from '../../components/editable-grid';
import type { GroupInfo } from '../../components/editable-grid';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n/I18nProvider';
import { useAuth } from '../auth/AuthProvider';
import type { ActivityRow } from './activityRow';
import { emptyActivityRow } from './activityRow';
import { buildActivityColumns } from './roadmaps.columns';
import type { CycleComponentNode, RoadmapNode } from './roadmaps.queries';
import { useActivityRows } from './useActivityRows';

const groupBySection = (row: ActivityRow): GroupInfo => ({
  key: row.sectionId,
  label: row.sectionLabel,
});

interface RoadmapGridProps {
  roadmap: RoadmapNode;
  cycleComponents: readonly CycleComponentNode[];
  municipalityId: string;
}

export function RoadmapGrid({ roadmap, cycleComponents, municipalityId }: RoadmapGridProps) {
  const t = useT();
  const readOnly = !useAuth().canEdit(municipalityId);
  const sections = roadmap.sections;
  const { rows, loading, error, reload, save } = useActivityRows(roadmap.id);
  const [sectionId, setSectionId] = useState(sections[0]?.id ?? '');
  const columns = useMemo(() => buildActivityColumns(t, cycleComponents), [t, cycleComponents]);

  const newRow = useCallback(
    (after: ActivityRow | null, reason: 'add' | 'paste') => {
      // Pasted rows continue the section of the last row; «add» uses the chosen section.
      const id = reason === 'paste' && after ? after.sectionId : sectionId;
      return emptyActivityRow(sections.find((s) => s.id === id) ?? sections[0]);
    },
    [sectionId, sections],
  );

  const sectionPicker = (
    <label className="field field-inline">
      <span>{t('roadmaps.section')}</span>
      <select
        value={sectionId}
        onChange={(e) => setSectionId(e.target.value)}
        data-testid="section-select"
      >
        {sections.map((s) => (
          <option key={s.id} value={s.id}>
            {s.number}. {s.title.length > 60 ? `${s.title.slice(0, 60)}…` : s.title}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <>
      <QueryStatus error={error} onRetry={() => void reload()} />
      {readOnly && (
        <p className="muted" data-testid="read-only-notice">
          {t('auth.readOnly')}
        </p>
      )}
      <EditableGrid<ActivityRow>
        columns={columns}
        rows={rows}
        groupBy={groupBySection}
        onSave={save}
        onReload={reload}
        canAddRows={sections.length > 0}
        canDeleteRows
        newRow={newRow}
        loading={loading}
        toolbarExtra={sections.length > 0 && !readOnly ? sectionPicker : undefined}
        readOnly={readOnly}
        historyEntity="activity"
      />
    </>
  );
}
