// In-memory stand-in for the hub's GraphQL API (the contract the client is written against),
// for driving the admin client in a browser without the real server. Dispatches on operation name.
import { createServer } from 'node:http';

const CYCLE = [
  'Цели',
  'Показатели',
  'Методы сбора информации',
  'Мониторинг',
  'Анализ результатов',
  'Адресные рекомендации',
  'Меры и мероприятия',
  'Управленческие решения',
  'Анализ эффективности',
].map((name, i) => ({ code: i + 1, name }));

export function createMockState() {
  const sections = [
    { id: 's1', number: '1', title: 'Нормативно-правовое обеспечение', direction: { code: 'NORM', shortName: 'Нормативное обеспечение' } },
    { id: 's2', number: '2', title: 'Система оценки качества подготовки обучающихся', direction: { code: '1.1', shortName: 'Оценка качества подготовки' } },
    { id: 's3', number: '3', title: 'Профориентация', direction: { code: '1.4', shortName: 'Профориентация' } },
  ];
  const activities = [
    ['a1', 's1', '1.1', 'Разработка положения о МСОКО', 'Январь 2021', 'ОО АМГО', 'once', 1],
    ['a2', 's1', '1.2', 'Актуализация нормативной базы', 'ежегодно', 'ОО АМГО', 'annual', null],
    ['a3', 's2', '2.1', 'Проведение ВПР', 'По графику ВПР', 'ОО, ОУ', 'by_event', 4],
    ['a4', 's2', '2.2', 'Анализ результатов ВПР', 'ежегодно', 'ИМЦ', 'annual', 5],
    ['a5', 's2', '2.3', 'Мониторинг объективности', 'раз в полугодие', 'ИМЦ', 'semiannual', null],
    ['a6', 's3', '3.1', 'Дни открытых дверей', 'ежеквартально', 'ОУ', 'quarterly', 7],
  ].map(([id, sectionId, number, text, deadlineText, responsibleText, kind, cycle]) => ({
    id, version: 1, sectionId, number, text, deadlineText, responsibleText, kind, cycle,
  }));
  const occurrences = [
    ['o1', 'a2', '2024-12-31', 'PLANNED', true],
    ['o2', 'a3', '2025-04-15', 'IN_PROGRESS', false],
    ['o3', 'a4', '2025-06-30', 'DONE', false],
  ].map(([id, activityId, dueDate, status, overdue]) => ({
    id, version: 1, activityId, dueDate, status, overdue, reportText: null, evidenceUrl: null,
  }));
  return { sections, activities, occurrences, mutations: [] };
}

const municipality = { id: 'm1', name: 'Городской округ Тест', shortName: 'ГО Тест', region: { id: 'r1', name: 'Тестовая область' } };
const municipalities = [municipality, { id: 'm2', name: 'Другой район', shortName: null, region: municipality.region }];

function activityNode(state, a) {
  const section = state.sections.find((s) => s.id === a.sectionId);
  return {
    id: a.id, version: a.version, number: a.number, text: a.text, deadlineText: a.deadlineText,
    responsibleText: a.responsibleText,
    schedule: { kind: a.kind, months: [], years: [], from: null, to: null, event: null, qualifier: null },
    cycleComponent: CYCLE.find((c) => c.code === a.cycle) ?? null,
    section, executors: a.responsibleText ? [{ id: `e-${a.id}`, name: a.responsibleText, fullName: null }] : [],
  };
}

function upsertActivities(state, rows) {
  const errors = [];
  rows.forEach((row, index) => {
    const err = (field, code, message) => errors.push({ index, id: row.id ?? null, field, code, message });
    if (row.id) {
      const a = state.activities.find((x) => x.id === row.id);
      if (!a) return err(null, 'NOT_FOUND', 'Мероприятие не найдено');
      if (row.version !== a.version) return err(null, 'CONFLICT', 'stale version');
    } else if (!row.sectionId || !row.number || !row.text) {
      return err(!row.number ? 'number' : !row.text ? 'text' : 'sectionId', 'BAD_USER_INPUT', 'Обязательное поле');
    }
    if (row.text !== undefined && row.text.trim() === '') err('text', 'BAD_USER_INPUT', 'Текст не может быть пустым');
    if (row.number === 'DUP') err('number', 'DUPLICATE', 'Номер уже есть в разделе');
  });
  if (errors.length > 0) return { ok: false, dryRun: false, created: 0, updated: 0, rows: [], errors };
  let created = 0;
  const out = rows.map((row) => {
    let a = row.id ? state.activities.find((x) => x.id === row.id) : null;
    if (!a) {
      a = { id: `a${state.activities.length + 100}`, version: 0, sectionId: row.sectionId, number: '', text: '', deadlineText: '', responsibleText: '', kind: 'unknown', cycle: null };
      state.activities.push(a);
      created++;
    }
    for (const f of ['number', 'text', 'deadlineText', 'responsibleText']) if (row[f] != null) a[f] = row[f];
    if (row.cycleComponentCode !== undefined) a.cycle = row.cycleComponentCode;
    a.version += 1;
    const node = activityNode(state, a);
    return { ...node, schedule: { kind: a.kind }, section: { id: a.sectionId } };
  });
  return { ok: true, dryRun: false, created, updated: rows.length - created, rows: out, errors: [] };
}

function occurrenceNode(state, o) {
  const a = state.activities.find((x) => x.id === o.activityId);
  const section = state.sections.find((s) => s.id === a.sectionId);
  return { ...o, activity: { id: a.id, number: a.number, text: a.text, section: { number: section.number, title: section.title }, roadmap: { municipality: { id: 'm1', name: municipality.name } } } };
}

function resolve(state, op, v) {
  switch (op) {
    case 'Municipalities':
      return { municipalities: { nodes: municipalities } };
    case 'CycleComponents':
      return { cycleComponents: CYCLE };
    case 'Roadmaps':
      return { roadmaps: { nodes: v.municipalityId === 'm1' ? [{ id: 'rm1', title: 'Дорожная карта МСОКО 2021–2025', periodStart: '2021-01-01', periodEnd: '2025-12-31', orderNumber: '1798а', orderDate: '2020-12-30', sections: state.sections }] : [] } };
    case 'Activities': {
      const nodes = v.filter?.roadmapId?.eq === 'rm1' ? state.activities.map((a) => activityNode(state, a)) : [];
      return { activities: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, nodes } };
    }
    case 'UpsertActivities':
      state.mutations.push({ op, rows: v.rows });
      return { upsertActivities: upsertActivities(state, v.rows) };
    case 'DeleteActivities':
      state.mutations.push({ op, ids: v.ids });
      state.activities = state.activities.filter((a) => !v.ids.includes(a.id));
      return { deleteActivities: { ok: true, deletedCount: v.ids.length, errors: [] } };
    case 'ActivityOccurrences': {
      let list = state.occurrences;
      if (v.filter?.overdue) list = list.filter((o) => o.overdue);
      if (v.filter?.status?.in) list = list.filter((o) => v.filter.status.in.includes(o.status));
      return { activityOccurrences: { totalCount: list.length, nodes: list.map((o) => occurrenceNode(state, o)) } };
    }
    case 'UpsertActivityOccurrences': {
      state.mutations.push({ op, rows: v.rows });
      const errors = [];
      v.rows.forEach((row, index) => {
        const o = state.occurrences.find((x) => x.id === row.id);
        if (!o) errors.push({ index, id: row.id, field: null, code: 'NOT_FOUND', message: 'нет' });
        else if (o.version !== row.version) errors.push({ index, id: row.id, field: null, code: 'CONFLICT', message: 'stale' });
      });
      if (errors.length) return { upsertActivityOccurrences: { ok: false, dryRun: false, created: 0, updated: 0, rows: [], errors } };
      const rows = v.rows.map((row) => {
        const o = state.occurrences.find((x) => x.id === row.id);
        for (const f of ['status', 'reportText', 'evidenceUrl']) if (row[f] !== undefined) o[f] = row[f];
        o.version += 1;
        o.overdue = o.overdue && o.status !== 'DONE';
        return { id: o.id, version: o.version, status: o.status, overdue: o.overdue, reportText: o.reportText, evidenceUrl: o.evidenceUrl };
      });
      return { upsertActivityOccurrences: { ok: true, dryRun: false, created: 0, updated: rows.length, rows, errors: [] } };
    }
    case 'RoadmapCoverage':
      return {
        roadmapCoverage: {
          asOf: v.asOf ?? '2025-06-01',
          directions: state.sections.map((s) => ({ code: s.direction.code, shortName: s.direction.shortName, name: s.title })),
          municipalities: municipalities.map(({ id, name }) => ({ id, name })),
          cells: [
            { municipalityId: 'm1', directionCode: 'NORM', activityCount: 2, dueCount: 2, doneCount: 1, executionRate: 0.5 },
            { municipalityId: 'm1', directionCode: '1.1', activityCount: 3, dueCount: 4, doneCount: 4, executionRate: 1 },
            { municipalityId: 'm1', directionCode: '1.4', activityCount: 1, dueCount: 0, doneCount: 0, executionRate: null },
            { municipalityId: 'm2', directionCode: '1.1', activityCount: 5, dueCount: 10, doneCount: 1, executionRate: 0.1 },
          ],
        },
      };
    default:
      return null;
  }
}

/** Starts the mock on a loopback port; `state` is exposed so a test can simulate another user. */
export function startMockHub(port = 0) {
  const state = createMockState();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.method !== 'POST' || !req.url.startsWith('/graphql')) {
        res.statusCode = 404;
        return res.end('{}');
      }
      const { query, variables } = JSON.parse(body);
      const op = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
      const data = resolve(state, op, variables ?? {});
      res.end(JSON.stringify(data ? { data } : { errors: [{ message: `unknown operation ${op}`, extensions: { code: 'BAD_USER_INPUT' } }] }));
    });
  });
  return new Promise((resolvePromise) => {
    server.listen(port, '127.0.0.1', () => {
      resolvePromise({ state, port: server.address().port, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const hub = await startMockHub(Number(process.env.PORT ?? 4100));
  console.log(`mock hub on http://127.0.0.1:${hub.port}/graphql`);
}
