import './import.css';

import { useCallback, useMemo } from 'react';

import { useQuery } from '../../api/useQuery';
import type { SaveChange, SaveResult } from '../../components/editable-grid';
import { EditableGrid } from '../../components/editable-grid';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n/I18nProvider';
import type { CycleComponentsData } from '../roadmaps/roadmaps.queries';
import { CYCLE_COMPONENTS_QUERY } from '../roadmaps/roadmaps.queries';
import type { ImportDirectionsData } from './import.queries';
import { IMPORT_DIRECTIONS_QUERY } from './import.queries';
import { buildImportColumns } from './importColumns';
import type { ImportRow } from './importRow';
import { emptyImportRow, groupBySection } from './importRow';

interface ImportGridProps {
  rows: readonly ImportRow[];
  onSave: (changes: SaveChange<ImportRow>[], deleted: ImportRow[]) => Promise<SaveResult>;
  /** After the roadmap is stored: what was stored, not editable. */
  readOnly: boolean;
}

const NO_DIRECTIONS: ImportDirectionsData['directions'] = [];
const NO_COMPONENTS: CycleComponentsData['cycleComponents'] = [];

/** The parsed activities in the shared grid: fix, paste, fill down, add, delete, then Save. */
export function ImportGrid({ rows, onSave, readOnly }: ImportGridProps) {
  const t = useT();
  const directions = useQuery<ImportDirectionsData>(IMPORT_DIRECTIONS_QUERY, {});
  const components = useQuery<CycleComponentsData>(CYCLE_COMPONENTS_QUERY, {});
  const columns = useMemo(
    () =>
      buildImportColumns(
        t,
        directions.data?.directions ?? NO_DIRECTIONS,
        components.data?.cycleComponents ?? NO_COMPONENTS,
      ),
    [t, directions.data, components.data],
  );
  // A new row continues the section of the focused (or last) row.
  const newRow = useCallback((after: ImportRow | null) => emptyImportRow(after), []);

  return (
    <section
      className="import-grid"
      aria-label={t('import.grid.label')}
      data-testid="import-activities"
    >
      <QueryStatus error={directions.error ?? components.error} />
      {!readOnly && <p className="muted">{t('import.grid.hint')}</p>}
      <EditableGrid<ImportRow>
        columns={columns}
        rows={rows}
        groupBy={groupBySection}
        onSave={onSave}
        canAddRows
        canDeleteRows
        newRow={newRow}
        readOnly={readOnly}
        height={560}
      />
    </section>
  );
}
