import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { DemoBadge } from '../indicators/DemoBadge';
import { procedureLabel, signKey } from './assessmentLabels';
import type { SchoolSigns } from './objectivity.model';
import { municipalityName, schoolName } from './objectivity.model';

/** Flagged schools, each with every sign: procedure, sign, metric against threshold, evidence. */
export function SchoolSignsList({ schools }: { schools: readonly SchoolSigns[] }) {
  const { t, lang } = useI18n();
  return (
    <div className="asm-list" data-testid="objectivity-schools">
      {schools.map((school) => (
        <article
          key={school.organization.id}
          className="asm-school"
          data-testid="objectivity-school"
          data-organization={school.organization.id}
        >
          <header className="asm-school-head">
            <span className="asm-school-name" data-testid="school-name">
              {schoolName(school.organization)}
            </span>
            {school.organization.demo && <DemoBadge />}
            <span className="muted" data-testid="school-municipality">
              {municipalityName(school.municipality)}
            </span>
            <span className="badge asm-count">
              {t('asm.obj.signsCount', { n: school.signs.length })}
            </span>
          </header>
          <ul className="asm-signs">
            {school.signs.map((sign) => (
              <li
                key={sign.id}
                className="asm-sign"
                data-testid="objectivity-sign"
                data-sign={sign.sign}
              >
                <div className="asm-sign-head">
                  <span className="asm-procedure" data-testid="sign-procedure">
                    {procedureLabel(t, sign.procedure)}
                  </span>
                  <span
                    className={`badge asm-sign-kind asm-sign-${sign.sign}`}
                    data-testid="sign-kind"
                  >
                    {t(signKey(sign.sign))}
                  </span>
                  <span className="asm-metric" data-testid="sign-metric">
                    {t('asm.obj.metric', {
                      metric: formatNumber(lang, sign.metric, 2),
                      threshold: formatNumber(lang, sign.threshold, 2),
                    })}
                  </span>
                </div>
                <p className="asm-evidence" data-testid="sign-evidence">
                  {sign.evidence}
                </p>
                <div className="asm-method muted" data-testid="sign-method">
                  {t('asm.obj.method', { criterion: sign.criterion, version: sign.methodVersion })}
                </div>
              </li>
            ))}
          </ul>
        </article>
      ))}
    </div>
  );
}
