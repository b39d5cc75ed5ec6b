// .docx import: a small document is built in the test (a .docx is a zip of XML parts).
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importRoadmapDocument } from '../../server/importers';
import { importRoadmapDocx, importRoadmapHtml } from '../../server/importers/roadmap-docx.importer';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const para = (text: string): string =>
  `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
const cell = (lines: string[], merge?: 'restart' | 'continue'): string => {
  const vMerge = merge
    ? `<w:tcPr><w:vMerge${merge === 'restart' ? ' w:val="restart"' : ''}/></w:tcPr>`
    : '';
  return `<w:tc>${vMerge}${(lines.length ? lines : ['']).map(para).join('')}</w:tc>`;
};
const row = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
const c = (...lines: string[]): string => cell(lines);

const buildDocx = async (): Promise<Buffer> => {
  const body = [
    para('Утверждена приказом управления образования от 01.09.2023 № 77'),
    para(
      'Дорожная карта по развитию муниципальной системы оценки качества образования на 2023-2024 годы',
    ),
    `<w:tbl>${[
      row(c('№'), c('Мероприятие'), c('Сроки исполнения'), c('Ответственный исполнитель')),
      row(c('1'), c('2'), c('3'), c('4')),
      row(cell(['1. Система методической работы'])),
      row(
        c('1.1.'),
        c(
          'Мониторинг показателей методической работы:',
          '- по наставничеству;',
          '- по поддержке молодых педагогов',
        ),
        c('ежегодно'),
        cell(['УО', 'Руководители ОО'], 'restart'),
      ),
      row(
        c('1.2.'),
        c('Анализ результатов мониторинга'),
        c('по итогам учебного года'),
        cell([], 'continue'),
      ),
      row(c('1.4.'), c('Принятие управленческих решений'), c('декабрь 2023'), c('УО')),
    ].join('')}</w:tbl>`,
    para('Принятые сокращения:'),
    para('УО - управление образования'),
    para('ОО - общеобразовательные организации'),
  ].join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
};

describe('importRoadmapDocx', () => {
  it('reads the real table cells, merged cells and the prose around the table', async () => {
    const r = await importRoadmapDocx(await buildDocx());
    expect([r.title, r.orderNumber, r.orderDate, r.period]).toEqual([
      'Дорожная карта по развитию муниципальной системы оценки качества образования на 2023-2024 годы',
      '77',
      '2023-09-01',
      { startYear: 2023, endYear: 2024 },
    ]);
    expect(r.abbreviations.map((a) => a.short)).toEqual(['УО', 'ОО']);
    const [section] = r.sections;
    expect([section.number, section.title, section.directionCode]).toEqual([
      '1',
      'Система методической работы',
      '2.2.MET',
    ]);
    expect(
      section.activities.map((a) => [a.number, a.text, a.deadlineText, a.responsibleText]),
    ).toEqual([
      [
        '1.1',
        'Мониторинг показателей методической работы:\n- по наставничеству;\n- по поддержке молодых педагогов',
        'ежегодно',
        'УО, Руководители ОО',
      ],
      ['1.2', 'Анализ результатов мониторинга', 'по итогам учебного года', 'УО, Руководители ОО'],
      ['1.4', 'Принятие управленческих решений', 'декабрь 2023', 'УО'],
    ]);
    expect(section.activities[0].executors[1]).toEqual({
      name: 'Руководители ОО',
      fullName: 'Руководители общеобразовательных организаций',
    });
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['MERGED_CELL_ASSUMED', 'NUMBERING_GAP']);
  });

  it('is chosen by importRoadmapDocument for .docx content', async () => {
    const r = await importRoadmapDocument({ fileName: 'roadmap.docx', content: await buildDocx() });
    expect(r.sections[0].activities).toHaveLength(3);
  });
});

describe('importRoadmapHtml', () => {
  it('expands rowspan so columns stay aligned', () => {
    const html =
      '<p>Дорожная карта по работе со школами с низкими результатами</p><table>' +
      '<tr><td><p>№</p></td><td><p>Мероприятие</p></td><td><p>Срок</p></td><td><p>Ответственный</p></td></tr>' +
      '<tr><td colspan="4"><p>1. Система работы со школами с низкими результатами обучения</p></td></tr>' +
      '<tr><td><p>1.1</p></td><td><p>Выявление ШНОР</p></td><td rowspan="2"><p>сентябрь</p></td><td><p>ИМЦ</p></td></tr>' +
      '<tr><td><p>1.2</p></td><td><p>Посещение школ &amp; консультации</p></td><td><p>ИМЦ</p></td></tr>' +
      '</table>';
    const r = importRoadmapHtml(html);
    expect(r.sections[0].directionCode).toBe('1.2');
    expect(
      r.sections[0].activities.map((a) => [a.number, a.text, a.deadlineText, a.responsibleText]),
    ).toEqual([
      ['1.1', 'Выявление ШНОР', 'сентябрь', 'ИМЦ'],
      ['1.2', 'Посещение школ & консультации', 'сентябрь', 'ИМЦ'],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['MERGED_CELL_ASSUMED']);
  });

  it('warns when there is no table', () => {
    expect(importRoadmapHtml('<p>Текст</p>').warnings.map((w) => w.code)).toEqual([
      'NO_TABLE_FOUND',
    ]);
  });
});
