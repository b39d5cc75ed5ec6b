import { useT } from '../../i18n/I18nProvider';
import type { MunicipalityNode } from './municipalities.queries';

interface MunicipalitySelectProps {
  municipalities: readonly MunicipalityNode[];
  value: string;
  onChange: (id: string) => void;
  emptyLabel: string;
  testId?: string;
}

export function MunicipalitySelect(props: MunicipalitySelectProps) {
  const t = useT();
  return (
    <label className="field">
      <span>{t('roadmaps.municipality')}</span>
      <select
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId ?? 'municipality-select'}
      >
        <option value="">{props.emptyLabel}</option>
        {props.municipalities.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
    </label>
  );
}
