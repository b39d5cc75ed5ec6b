// Labels of the olympiad enumerations and the small parsers the grid and the protocol import
// share: stages and statuses as organisers write them, academic years, grades.
import type { Translate } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/ru';
import { parseFigure } from '../indicator-values/valueRow';
import type { OlympiadStage, OlympiadStatus } from './olympiads.queries';
import { STAGES, STATUSES } from './olympiads.queries';

export const stageKey = (stage: OlympiadStage): MessageKey => `oly.stage.${stage}` as MessageKey;
export const statusKey = (status: OlympiadStatus): MessageKey =>
  `oly.status.${status}` as MessageKey;

const words = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^a-zа-я0-9_]+/g, ' ')
    .trim();

// Word stems of each stage in protocols and summaries (Russian, English, the usual short forms).
const STAGE_STEMS: Record<OlympiadStage, RegExp> = {
  SCHOOL: /^(school|школ|шэ$)/,
  MUNICIPAL: /^(municipal|муницип|мэ$)/,
  REGIONAL: /^(regional|регион|рэ$)/,
  FINAL: /^(final|заключ|финал|зэ$)/,
};

/** «Школьный этап», «школьный», «ШЭ», «SCHOOL» → the stage; empty → null; otherwise throws. */
export function parseStage(text: string): OlympiadStage | null {
  const clean = words(text);
  if (clean === '') {
    return null;
  }
  const found = STAGES.find(
    (stage) => stage.toLowerCase() === clean || STAGE_STEMS[stage].test(clean),
  );
  if (!found) {
    throw new RangeError(text);
  }
  return found;
}

// Statuses as protocols write them: «участник», «призёр», «победитель» (any case, ё or е).
const STATUS_STEMS: Record<OlympiadStatus, RegExp> = {
  PARTICIPANT: /^(participant|участни)/,
  PRIZE_WINNER: /^(prize winner|prize_winner|prizewinner|призер)/,
  WINNER: /^(winner|победител)/,
};

/** «Призёр», «победитель», «PRIZE_WINNER» → the status; empty → null; otherwise throws. */
export function parseStatus(text: string): OlympiadStatus | null {
  const clean = words(text);
  if (clean === '') {
    return null;
  }
  const found = STATUSES.find(
    (status) => status.toLowerCase() === clean || STATUS_STEMS[status].test(clean),
  );
  if (!found) {
    throw new RangeError(text);
  }
  return found;
}

/** «2024/2025», «2024-2025», «2024–25» → «2024/2025»; empty → null; otherwise throws. */
export function parseAcademicYear(text: string): string | null {
  const clean = text.trim();
  if (clean === '') {
    return null;
  }
  const match = /^(\d{4})\s*[/\-–—]\s*(\d{2}|\d{4})$/.exec(clean);
  if (!match) {
    throw new RangeError(text);
  }
  const start = Number(match[1]);
  const end = Number(match[2].length === 2 ? `${match[1].slice(0, 2)}${match[2]}` : match[2]);
  if (end !== start + 1) {
    throw new RangeError(text);
  }
  return `${start}/${end}`;
}

/** «9», «9 класс», «9А» → 9 (grades 1–11); empty → null; otherwise throws. */
export function parseGrade(text: string): number | null {
  const clean = text.trim();
  if (clean === '') {
    return null;
  }
  const match = /^(\d{1,2})(?:\.0+)?(?:\s*(?:[а-яa-z]|класс|кл\.?))?$/i.exec(clean);
  const grade = match ? Number(match[1]) : NaN;
  if (!(grade >= 1 && grade <= 11)) {
    throw new RangeError(text);
  }
  return grade;
}

/** «12.03.2010», «2010-03-12» or «2010» → 2010; empty → null; otherwise throws. */
export function parseBirthYear(text: string): number | null {
  const clean = text.trim();
  if (clean === '') {
    return null;
  }
  const match =
    /^(\d{4})$/.exec(clean) ??
    /^(\d{4})-\d{1,2}-\d{1,2}/.exec(clean) ??
    /^\d{1,2}\.\d{1,2}\.(\d{4})$/.exec(clean);
  const year = match ? Number(match[1]) : NaN;
  if (!(year >= 1980 && year <= 2030)) {
    throw new RangeError(text);
  }
  return year;
}

/** «45,5» → 45.5 (a score: 0 or more); empty → null; otherwise throws. */
export function parseScore(text: string): number | null {
  const value = parseFigure(text);
  if (value !== null && value < 0) {
    throw new RangeError(text);
  }
  return value;
}

/** A pupil's name as a cell shows it: «скрыто» when the viewer may not see it. */
export function pupilName(t: Translate, fullName: string | null | undefined): string {
  return fullName ?? t('oly.hidden');
}
