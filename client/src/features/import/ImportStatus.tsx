import { errorMessage, GraphQLRequestError } from '../../api/graphql';
import { formatHash } from '../../app/router';
import type { Translate } from '../../i18n/I18nProvider';
import { useT } from '../../i18n/I18nProvider';
import type { ImportRoadmapResult } from './import.queries';

export function importErrorMessage(t: Translate, error: unknown): string {
  if (error instanceof GraphQLRequestError) {
    // The server explains a refused document in Russian; a missing municipality only by code.
    if (error.code === 'BAD_USER_INPUT') {
      return t('import.badDocument', { message: error.message });
    }
    // The server's text names an API field; the link to the stored roadmap says more.
    if (error.code === 'CONFLICT') {
      return t('import.duplicate');
    }
    if (error.code === 'NOT_FOUND') {
      return t('import.notFound');
    }
    // The server masks its own failures; its generic text tells the user nothing.
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      return t('import.serverFailed');
    }
  }
  return t('import.failed', { message: errorMessage(error) });
}

function existingRoadmapId(error: unknown): string | null {
  if (!(error instanceof GraphQLRequestError) || error.code !== 'CONFLICT') {
    return null;
  }
  const id = error.errors[0]?.extensions?.roadmapId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

export function ImportError({ error, municipalityId }: { error: unknown; municipalityId: string }) {
  const t = useT();
  const existing = existingRoadmapId(error);
  return (
    <div className="query-error" role="alert" data-testid="import-error">
      {importErrorMessage(t, error)}
      {existing && (
        <>
          {' '}
          <a href={formatHash('roadmaps', { municipality: municipalityId, roadmap: existing })}>
            {t('import.openExisting')}
          </a>
        </>
      )}
    </div>
  );
}

type SavedRoadmap = NonNullable<ImportRoadmapResult['roadmap']>;

export function ImportDone({ roadmap }: { roadmap: SavedRoadmap }) {
  const t = useT();
  const href = formatHash('roadmaps', {
    municipality: roadmap.municipality.id,
    roadmap: roadmap.id,
  });
  return (
    <div className="import-done" role="status" data-testid="import-done">
      <strong>{t('import.done')}</strong>{' '}
      <span>
        {t('import.doneDetails', { title: roadmap.title, municipality: roadmap.municipality.name })}
      </span>{' '}
      <a href={href} data-testid="import-open-roadmap">
        {t('import.openRoadmap')}
      </a>
    </div>
  );
}
