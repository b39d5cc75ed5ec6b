import { useT } from '../../i18n/I18nProvider';

/** The «демо» mark of a synthetic municipality or organization. */
export function DemoBadge() {
  const t = useT();
  return (
    <span className="badge badge-demo" title={t('ind.demoHint')}>
      {t('ind.demo')}
    </span>
  );
}
