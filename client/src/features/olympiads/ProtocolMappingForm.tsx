// The import dialog's choices: which file column holds each field, and the academic year, stage,
// subject and maximum the file leaves out.
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/ru';
import { parseFigure } from '../indicator-values/valueRow';
import { StageSelect, SubjectSelect, YearSelect } from './OlympiadFilters';
import type { SubjectNode } from './olympiads.queries';
import type { ProtocolDefaults } from './protocolFile';
import type { ProtocolField, ProtocolMapping } from './protocolHeaders';
import { PROTOCOL_FIELDS } from './protocolHeaders';

export const mapKey = (field: ProtocolField): MessageKey => `oly.map.${field}` as MessageKey;

interface ProtocolMappingFormProps {
  headers: readonly string[];
  mapping: ProtocolMapping;
  onMapping: (mapping: ProtocolMapping) => void;
  defaults: ProtocolDefaults;
  onDefaults: (defaults: ProtocolDefaults) => void;
  years: readonly string[];
  subjects: readonly SubjectNode[];
}

export function ProtocolMappingForm(props: ProtocolMappingFormProps) {
  const { t } = useI18n();
  const { headers, mapping, defaults } = props;
  const set = (next: Partial<ProtocolDefaults>) => props.onDefaults({ ...defaults, ...next });
  return (
    <>
      <div className="oly-mapping" data-testid="oly-import-mapping">
        {PROTOCOL_FIELDS.map((field) => (
          <label className="field" key={field}>
            <span>{t(mapKey(field))}</span>
            <select
              value={mapping[field] === null ? '' : String(mapping[field])}
              onChange={(e) =>
                props.onMapping({
                  ...mapping,
                  [field]: e.target.value === '' ? null : Number(e.target.value),
                })
              }
              data-testid={`oly-map-${field}`}
            >
              <option value="">{t('oly.import.notMapped')}</option>
              {headers.map((h, i) => (
                <option key={i} value={i}>
                  {h || `#${i + 1}`}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <p className="muted">{t('oly.import.defaultsHint')}</p>
      <div className="filters" data-testid="oly-import-defaults">
        <YearSelect
          years={props.years}
          value={defaults.academicYear}
          onChange={(academicYear) => set({ academicYear })}
          testId="oly-import-year"
        />
        <StageSelect
          value={defaults.stage}
          onChange={(stage) => set({ stage })}
          allLabel={t('oly.import.fromFile')}
          testId="oly-import-stage"
        />
        <SubjectSelect
          subjects={props.subjects}
          value={defaults.subject}
          onChange={(subject) => set({ subject })}
          allLabel={t('oly.import.fromFile')}
          testId="oly-import-subject"
        />
        <label className="field">
          <span>{t('oly.col.maxScore')}</span>
          <input
            type="text"
            inputMode="decimal"
            size={6}
            defaultValue={defaults.maxScore === null ? '' : String(defaults.maxScore)}
            onBlur={(e) => {
              let maxScore: number | null = null;
              try {
                maxScore = parseFigure(e.target.value);
              } catch {
                e.target.value = '';
              }
              set({ maxScore });
            }}
            data-testid="oly-import-max"
          />
        </label>
      </div>
    </>
  );
}
