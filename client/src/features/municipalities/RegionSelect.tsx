import { useT } from '../../i18n/I18nProvider';
import type { RegionNode } from './municipalities.queries';

interface RegionSelectProps {
  regions: readonly RegionNode[];
  value: string;
  onChange: (id: string) => void;
}

export function RegionSelect({ regions, value, onChange }: RegionSelectProps) {
  const t = useT();
  return (
    <label className="field">
      <span>{t('ind.region')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="region-select">
        {value === '' && <option value="">{t('common.notSelected')}</option>}
        {regions.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
    </label>
  );
}
