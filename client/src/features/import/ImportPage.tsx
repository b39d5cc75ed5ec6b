import { useState } from 'react';

import { confirmDiscard } from '../../components/editable-grid';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n/I18nProvider';
import { MunicipalitySelect } from '../municipalities/MunicipalitySelect';
import { useMunicipalities } from '../municipalities/useMunicipalities';
import { ImportPreview } from './ImportPreview';
import { ImportDone, ImportError } from './ImportStatus';
import { useRoadmapImport } from './useRoadmapImport';

export function ImportPage() {
  const t = useT();
  const { municipalities, loading, error } = useMunicipalities();
  const [municipalityId, setMunicipalityId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const imported = useRoadmapImport({ municipalityId, file, title });
  const { busy, result, saved, canPreview, canCommit, preview, commit } = imported;
  // Another document or municipality drops the preview, and the fixes made in its grid.
  const keepEdits = () => !imported.hasPreview || confirmDiscard(t('import.grid.discardEdits'));

  return (
    <section className="page" data-testid="import-page">
      <h2>{t('import.heading')}</h2>
      <p className="muted">{t('import.hint')}</p>
      <div className="filters">
        <MunicipalitySelect
          municipalities={municipalities}
          value={municipalityId}
          onChange={(id) => {
            if (keepEdits()) {
              setMunicipalityId(id);
            }
          }}
          emptyLabel={t('roadmaps.pickMunicipality')}
          testId="import-municipality"
        />
        <label className="field">
          <span>{t('import.file')}</span>
          <input
            type="file"
            accept=".txt,.docx"
            onChange={(e) => {
              if (keepEdits()) {
                setFile(e.target.files?.[0] ?? null);
              } else {
                e.target.value = '';
              }
            }}
            data-testid="import-file"
          />
        </label>
        <label className="field field-grow">
          <span>{t('import.titleOverride')}</span>
          <input
            type="text"
            value={title}
            placeholder={t('import.titlePlaceholder')}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="import-title"
          />
        </label>
        <div className="import-actions">
          <button
            type="button"
            disabled={!canPreview}
            onClick={() => void preview()}
            data-testid="import-preview"
          >
            {busy === 'preview' ? t('import.previewing') : t('import.preview')}
          </button>
          <button
            type="button"
            disabled={!canCommit}
            onClick={() => void commit()}
            data-testid="import-commit"
          >
            {busy === 'commit' ? t('import.committing') : t('import.commit')}
          </button>
        </div>
      </div>
      <QueryStatus loading={loading} error={error} />
      {imported.error !== null && (
        <ImportError error={imported.error} municipalityId={municipalityId} />
      )}
      {imported.refused.length > 0 && (
        <div className="query-error import-refused" role="alert" data-testid="import-refused">
          {t('import.grid.rowsRefused')}
          <ul>
            {imported.refused.map((message, i) => (
              <li key={i}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {saved && <ImportDone roadmap={saved} />}
      {result && (
        <ImportPreview
          result={result}
          title={saved?.title ?? title.trim()}
          rows={imported.rows}
          onSave={imported.saveEdited}
          saved={saved !== null}
          generation={imported.generation}
        />
      )}
    </section>
  );
}
