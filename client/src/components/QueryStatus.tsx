import { errorMessage } from '../api/graphql';
import { useT } from '../i18n/I18nProvider';

interface QueryStatusProps {
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
}

export function QueryStatus({ loading, error, onRetry }: QueryStatusProps) {
  const t = useT();
  if (error) {
    return (
      <div className="query-error" role="alert" data-testid="query-error">
        {t('common.error', { message: errorMessage(error) })}{' '}
        {onRetry && (
          <button type="button" onClick={onRetry}>
            {t('common.retry')}
          </button>
        )}
      </div>
    );
  }
  if (loading) {
    return <div className="query-loading">{t('common.loading')}</div>;
  }
  return null;
}
