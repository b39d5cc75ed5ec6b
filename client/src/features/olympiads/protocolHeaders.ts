// The columns of an olympiad protocol as organisers publish it («№ п/п», «Код участника»,
// «Фамилия», «Имя», «Отчество», «Дата рождения», «Образовательная организация», «Класс
// обучения», «Класс выполнения», «Предмет», «Этап», «Балл», «Максимальный балл», «Статус»):
// which header names which field, where the header row is, the mapping guessed from it.
import type { SheetRow } from '../../components/table-import/sheet';

/** What a file column can hold. */
export const PROTOCOL_FIELDS = [
  'studentCode',
  'lastName',
  'firstName',
  'middleName',
  'fullName',
  'birth',
  'organizationCode',
  'gradeActual',
  'gradePerformed',
  'subject',
  'stage',
  'academicYear',
  'score',
  'maxScore',
  'status',
] as const;

export type ProtocolField = (typeof PROTOCOL_FIELDS)[number];

/** The file column of each field (null: none; the dialog's default applies where there is one). */
export type ProtocolMapping = Record<ProtocolField, number | null>;

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^a-zа-я0-9]+/g, ' ')
    .trim();

// Checked in this order: the more specific names first («Максимальный балл» before «Балл»,
// «Класс выполнения» before «Класс», «Год рождения» before «Год», «ФИО» before «Фамилия»).
const HEADER_PATTERNS: readonly (readonly [ProtocolField, RegExp])[] = [
  ['maxScore', /^(максимальн|макс |макс$|max)/],
  ['gradePerformed', /класс выполнени|за какой класс|выполнял|grade performed/],
  ['gradeActual', /класс обучени|^класс|^grade/],
  ['birth', /рождени|birth/],
  ['fullName', /^фио|^ф и о|фамилия имя|^full ?name$|^name$/],
  ['lastName', /^фамили|last ?name|surname/],
  ['firstName', /^имя|first ?name/],
  ['middleName', /^отчеств|middle ?name|patronymic/],
  [
    'studentCode',
    /код участник|код ученик|код обучающ|шифр|идентификатор|participant|student ?code|^код$|^code$/,
  ],
  ['organizationCode', /образовательн|организаци|^оо |^оо$|код оо|школ|school|organi[sz]ation/],
  ['subject', /^предмет|subject/],
  ['stage', /^этап|stage/],
  ['academicYear', /учебн\S* год|^год$|academic ?year|^year$/],
  ['status', /^статус|тип диплома|status/],
  ['score', /балл|^результат|score|^сумма/],
];

/** The field a header names («Код участника» → studentCode), or null («№ п/п»). */
export function headerField(header: string): ProtocolField | null {
  const text = normalize(header);
  if (text === '') {
    return null;
  }
  return HEADER_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

/**
 * The header row: the first of the first rows naming at least three fields (a protocol's title
 * lines above it name one at most).
 */
export function findProtocolHeader(rows: readonly SheetRow[]): number {
  const limit = Math.min(rows.length, 30);
  for (let i = 0; i < limit; i += 1) {
    const fields = new Set(rows[i].cells.map(headerField).filter((f) => f !== null));
    if (fields.size >= 3) {
      return i;
    }
  }
  return 0;
}

export function emptyMapping(): ProtocolMapping {
  return Object.fromEntries(PROTOCOL_FIELDS.map((f) => [f, null])) as ProtocolMapping;
}

/** The columns guessed from the headers: each field takes the first column naming it. */
export function guessProtocolMapping(headers: readonly string[]): ProtocolMapping {
  const mapping = emptyMapping();
  headers.forEach((header, index) => {
    const field = headerField(header);
    if (field && mapping[field] === null) {
      mapping[field] = index;
    }
  });
  return mapping;
}
