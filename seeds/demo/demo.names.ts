// Names of the synthetic organizations: numbered town schools, village schools named after
// their village, kindergartens with the usual names. Invented, not real places.
import { Settlement } from '../../server/modules/geography/geography.entity';
import { type Rng, shuffle } from './demo.random';

export type SchoolType = 'SOSH' | 'SOSH_UIOP' | 'GYMNASIUM' | 'LYCEUM' | 'OOSH' | 'NOSH';

// Adjectives as in «Берёзовская СОШ».
export const VILLAGES = (
  'Берёзовская Никольская Покровская Заречная Сосновская Ивановская Каменская Петровская ' +
  'Луговская Озёрная Кленовская Михайловская Успенская Троицкая Ключевская Степная ' +
  'Вознесенская Горная Садовая Дубровская Полевая Рябиновская Светлая Знаменская Лесная ' +
  'Городищенская Ольховская Речная Кузьминская Богородская Раздольная Черёмуховская ' +
  'Васильевская Сретенская'
).split(' ');

export const KINDERGARTENS = (
  'Солнышко|Колокольчик|Ромашка|Берёзка|Теремок|Радуга|Сказка|Улыбка|Родничок|Светлячок|' +
  'Золотой ключик|Аленький цветочек'
).split('|');

/** Full and short name of a school; `label` is its number (town) or village adjective. */
export function schoolName(
  type: SchoolType,
  settlement: Settlement,
  label: string,
): [string, string] {
  if (settlement === Settlement.RURAL) {
    const level = type === 'OOSH' ? 'ООШ' : type === 'NOSH' ? 'НОШ' : 'СОШ';
    return [`МКОУ «${label} ${level}»`, `${label} ${level}`];
  }
  switch (type) {
    case 'GYMNASIUM':
      return [`МАОУ «Гимназия № ${label}»`, `Гимназия № ${label}`];
    case 'LYCEUM':
      return [`МБОУ «Лицей № ${label}»`, `Лицей № ${label}`];
    case 'SOSH_UIOP':
      return [
        `МБОУ «СОШ № ${label} с углублённым изучением отдельных предметов»`,
        `СОШ № ${label} (УИОП)`,
      ];
    default:
      return [`МБОУ СОШ № ${label}`, `СОШ № ${label}`];
  }
}

/** Distinct numbers, not simply 1 … n (closed and merged schools leave gaps). */
export function schoolNumbers(rng: Rng, count: number): number[] {
  const pool = Array.from({ length: Math.ceil(count * 1.4) + 1 }, (_, i) => i + 1);
  return shuffle(rng, pool).slice(0, count);
}
