// The evidence of a re-check candidate in words: «балл 95 % при медиане 30 % группы из 120 работ,
// z = 5,1», «12 дипломов на 20 участий (60 %) при 15 % у остальных школ региона, z = 4,2».
import { formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/I18nProvider';
import type { Lang } from '../../i18n/plural';
import type { AnomalousSchoolNode, OutlierWorkNode } from './analytics.queries';

const pct = (lang: Lang, value: number) => `${formatNumber(lang, value, 1)} %`;

export function workEvidence(t: Translate, lang: Lang, work: OutlierWorkNode): string {
  return t('oly.recheck.workEvidence', {
    percent: pct(lang, work.percent),
    median: pct(lang, work.groupMedian),
    n: work.groupSize,
    z: formatNumber(lang, work.robustZ, 1),
  });
}

/** The same pupil at the next stage: confirms a high score or not. */
export function workNextStage(t: Translate, lang: Lang, work: OutlierWorkNode): string {
  return work.nextStagePercent === null
    ? t('oly.recheck.noNextStage')
    : t('oly.recheck.nextStage', { percent: pct(lang, work.nextStagePercent) });
}

export function schoolEvidence(t: Translate, lang: Lang, school: AnomalousSchoolNode): string {
  return t('oly.recheck.schoolEvidence', {
    diplomas: school.diplomas,
    entries: school.entries,
    share: pct(lang, school.diplomaShare),
    reference: pct(lang, school.referenceShare),
    z: formatNumber(lang, school.z, 1),
  });
}

/** How many of the school's diploma holders wrote the next stage and how they did there. */
export function schoolConfirmation(t: Translate, lang: Lang, school: AnomalousSchoolNode): string {
  if (school.nextStageParticipants === 0) {
    return t('oly.recheck.noConfirmation', { holders: school.diplomaHolders });
  }
  return t('oly.recheck.confirmation', {
    went: school.nextStageParticipants,
    holders: school.diplomaHolders,
    share: school.nextStageDiplomaShare === null ? '—' : pct(lang, school.nextStageDiplomaShare),
    reference:
      school.referenceNextStageDiplomaShare === null
        ? '—'
        : pct(lang, school.referenceNextStageDiplomaShare),
  });
}

/** The thresholds in force (olympiadSettings), as the page states them. */
export function thresholdsText(t: Translate, lang: Lang, thresholds: Record<string, unknown>) {
  const n = (key: string) =>
    typeof thresholds[key] === 'number' ? formatNumber(lang, thresholds[key] as number, 1) : '—';
  return t('oly.recheck.thresholds', {
    outlierZ: n('outlierZ'),
    outlierMinGroup: n('outlierMinGroup'),
    schoolZ: n('schoolZ'),
    schoolMinEntries: n('schoolMinEntries'),
  });
}
