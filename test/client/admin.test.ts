import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

import { loadAllPages } from '../../client/src/api/paging';
import { visiblePages } from '../../client/src/app/router';
import * as adminQueries from '../../client/src/features/admin/admin.queries';
import type { ApiTokenNode, UserNode } from '../../client/src/features/admin/admin.queries';
import {
  EMPTY_TOKEN_FORM,
  toCreateTokenInput,
  tokenFormProblem,
  tokenOrganizationName,
  tokenScopeName,
  tokenState,
  updateTokenForm,
} from '../../client/src/features/admin/apiTokens';
import type { ScopeDirectory } from '../../client/src/features/admin/scopeDirectory';
import {
  effectiveRegionId,
  organizationsIn,
  parseScopeId,
} from '../../client/src/features/admin/scopeDirectory';
import type { UserRow } from '../../client/src/features/admin/userRow';
import {
  applySavedUsers,
  emptyUserRow,
  missingScope,
  organizationOutside,
  toUserInput,
  toUserRow,
} from '../../client/src/features/admin/userRow';
import { parseActive, parseRole } from '../../client/src/features/admin/users.parse';
import type { Translate } from '../../client/src/i18n/I18nProvider';

const t: Translate = (key, params) => `${key}${params ? JSON.stringify(params) : ''}`;

const dir: ScopeDirectory = {
  regions: [
    { id: 'r-sv', name: 'Свердловская область' },
    { id: 'r-kh', name: 'Республика Хакасия' },
  ],
  municipalities: [
    { id: 'm-mal', name: 'Малышевский городской округ', region: { id: 'r-sv' } },
    { id: 'm-che', name: 'город Черногорск', region: { id: 'r-kh' } },
  ],
  organizations: [
    { id: 'o-1', name: 'МАОУ СОШ № 1', shortName: 'СОШ № 1', municipality: { id: 'm-mal' } },
    { id: 'o-2', name: 'МБОУ СОШ № 2', shortName: null, municipality: { id: 'm-che' } },
  ],
};

const saved: UserRow = {
  id: 'u7',
  version: 3,
  login: 'analyst',
  displayName: 'Петрова А.А.',
  role: 'REGIONAL_ANALYST',
  regionId: 'r-kh',
  municipalityId: null,
  organizationId: null,
  active: true,
  password: '',
};

const node = (row: Partial<UserNode> & { id: string }): UserNode => ({
  version: 1,
  login: 'x',
  displayName: 'X',
  role: 'ADMIN',
  active: true,
  organizationId: null,
  region: null,
  municipality: null,
  ...row,
});

describe('user rows → upsertUsers input', () => {
  it('sends every filled field of a new row; the region comes with the municipality', () => {
    const row: UserRow = {
      ...emptyUserRow(),
      login: ' metodist ',
      displayName: 'Методистова Е.П. ',
      role: 'MUNICIPAL_METHODOLOGIST',
      municipalityId: 'm-mal',
      password: ' pass word 10 ',
    };
    expect(toUserInput({ index: 0, row, changedFields: [], isNew: true }, dir)).toEqual({
      login: 'metodist',
      displayName: 'Методистова Е.П.',
      role: 'MUNICIPAL_METHODOLOGIST',
      regionId: 'r-sv',
      municipalityId: 'm-mal',
      active: true,
      // Passwords are sent exactly as typed.
      password: ' pass word 10 ',
    });
  });

  it('sends id, version and the changed fields of an edited row, and no empty password', () => {
    const row = { ...saved, role: 'MUNICIPAL_METHODOLOGIST' as const, municipalityId: 'm-mal' };
    expect(
      toUserInput({ index: 0, row, changedFields: ['role', 'municipalityId'], isNew: false }, dir),
    ).toEqual({
      id: 'u7',
      version: 3,
      role: 'MUNICIPAL_METHODOLOGIST',
      regionId: 'r-sv',
      municipalityId: 'm-mal',
    });
    const deactivated = { ...saved, active: false };
    expect(
      toUserInput({ index: 0, row: deactivated, changedFields: ['active'], isNew: false }, dir),
    ).toEqual({ id: 'u7', version: 3, active: false });
  });

  it('resets a password and clears a scope with null', () => {
    const row = { ...saved, municipalityId: null, organizationId: null, password: 'new-secret-1' };
    expect(
      toUserInput(
        { index: 0, row, changedFields: ['password', 'organizationId'], isNew: false },
        dir,
      ),
    ).toEqual({ id: 'u7', version: 3, organizationId: null, password: 'new-secret-1' });
  });

  it('reads API users into rows without a password and merges saved rows back', () => {
    const fresh = toUserRow(node({ id: 'u9', login: 'new', municipality: { id: 'm-mal' } }));
    expect(fresh).toMatchObject({ id: 'u9', municipalityId: 'm-mal', password: '' });
    const edited = { ...saved, displayName: 'Петрова А.' };
    const added = { ...emptyUserRow(), login: 'new', password: 'long-password' };
    const rows = applySavedUsers(
      [saved],
      [
        { index: 0, row: edited, changedFields: ['displayName'], isNew: false },
        { index: 1, row: added, changedFields: [], isNew: true },
      ],
      [
        node({ id: 'u7', version: 4, login: 'analyst', displayName: 'Петрова А.' }),
        node({ id: 'u9', login: 'new' }),
      ],
    );
    expect(rows.map((r) => [r.id, r.version, r.displayName, r.password])).toEqual([
      ['u7', 4, 'Петрова А.', ''],
      ['u9', 1, 'X', ''],
    ]);
  });
});

describe('user scope', () => {
  it('names the scope a role lacks', () => {
    const row = emptyUserRow();
    expect(missingScope({ ...row, role: 'ADMIN' }, dir)).toBeNull();
    expect(missingScope({ ...row, role: 'REGIONAL_ANALYST' }, dir)).toBe('regionId');
    // A municipality implies its region.
    expect(missingScope({ ...row, role: 'REGIONAL_ANALYST', municipalityId: 'm-che' }, dir)).toBe(
      null,
    );
    expect(missingScope({ ...row, role: 'MUNICIPAL_METHODOLOGIST' }, dir)).toBe('municipalityId');
    expect(missingScope({ ...row, role: 'SCHOOL_COORDINATOR', municipalityId: 'm-mal' }, dir)).toBe(
      'organizationId',
    );
  });

  it('finds an organization outside the chosen municipality', () => {
    const row = { ...emptyUserRow(), municipalityId: 'm-mal', organizationId: 'o-1' };
    expect(organizationOutside(row, dir)).toBe(false);
    expect(organizationOutside({ ...row, organizationId: 'o-2' }, dir)).toBe(true);
    expect(organizationsIn(dir, 'm-che').map((o) => o.id)).toEqual(['o-2']);
  });

  it('takes the region of the municipality, else the chosen region', () => {
    expect(effectiveRegionId(dir, { regionId: 'r-kh', municipalityId: 'm-mal' })).toBe('r-sv');
    expect(effectiveRegionId(dir, { regionId: 'r-kh', municipalityId: null })).toBe('r-kh');
    expect(effectiveRegionId(dir, { regionId: null, municipalityId: null })).toBeNull();
  });
});

describe('cell text of the users grid', () => {
  const unknown = (text: string) => new Error(`unknown ${text}`);

  it('reads scopes by id or name, and empty text as none', () => {
    expect(parseScopeId('город черногорск', dir.municipalities, unknown)).toBe('m-che');
    expect(parseScopeId('m-mal', dir.municipalities, unknown)).toBe('m-mal');
    expect(parseScopeId('  ', dir.municipalities, unknown)).toBeNull();
    expect(() => parseScopeId('Москва', dir.municipalities, unknown)).toThrow('unknown Москва');
  });

  it('reads roles by enum or by name in either language, and the active flag', () => {
    expect(parseRole('муниципальный методист', t)).toBe('MUNICIPAL_METHODOLOGIST');
    expect(parseRole('Regional analyst', t)).toBe('REGIONAL_ANALYST');
    expect(parseRole('dashboard', t)).toBe('DASHBOARD');
    expect(() => parseRole('директор', t)).toThrow('grid.badValue');
    expect([parseActive('true', t), parseActive('нет', t), parseActive('Да', t)]).toEqual([
      true,
      false,
      true,
    ]);
    expect(() => parseActive('может быть', t)).toThrow('grid.badValue');
  });
});

describe('API tokens', () => {
  const token: ApiTokenNode = {
    id: 't1',
    name: 'Дашборд',
    role: 'DASHBOARD',
    createdAt: '2025-01-10T09:00:00Z',
    expiresAt: '2025-06-30T23:59:59Z',
    revokedAt: null,
    organizationId: null,
    region: { id: 'r-sv', name: 'Свердловская область' },
    municipality: null,
  };

  it('builds the create input: a municipality brings its region, empty fields are left out', () => {
    expect(toCreateTokenInput({ ...EMPTY_TOKEN_FORM, name: ' Дашборд ' }, dir)).toEqual({
      name: 'Дашборд',
      role: 'DASHBOARD',
    });
    expect(
      toCreateTokenInput(
        {
          name: 'Скрипт',
          role: 'MUNICIPAL_METHODOLOGIST',
          regionId: '',
          municipalityId: 'm-che',
          organizationId: '',
          expiresOn: '2026-12-31',
        },
        dir,
      ),
    ).toEqual({
      name: 'Скрипт',
      role: 'MUNICIPAL_METHODOLOGIST',
      regionId: 'r-kh',
      municipalityId: 'm-che',
      expiresOn: '2026-12-31',
    });
  });

  it('scopes a token to an organization of its municipality', () => {
    const form = {
      ...EMPTY_TOKEN_FORM,
      name: 'Дашборд школы',
      role: 'SCHOOL_COORDINATOR' as const,
      municipalityId: 'm-mal',
      organizationId: 'o-1',
    };
    expect(toCreateTokenInput(form, dir)).toEqual({
      name: 'Дашборд школы',
      role: 'SCHOOL_COORDINATOR',
      regionId: 'r-sv',
      municipalityId: 'm-mal',
      organizationId: 'o-1',
    });
    // Any role may narrow to one organization (a coordinator-level dashboard).
    expect(toCreateTokenInput({ ...form, role: 'DASHBOARD' }, dir)).toMatchObject({
      role: 'DASHBOARD',
      organizationId: 'o-1',
    });
    // Another municipality drops the organization chosen in the old one; other changes keep it.
    expect(updateTokenForm(form, { municipalityId: 'm-che' })).toMatchObject({
      municipalityId: 'm-che',
      organizationId: '',
    });
    expect(updateTokenForm(form, { name: 'x', expiresOn: '2026-01-31' })).toMatchObject({
      municipalityId: 'm-mal',
      organizationId: 'o-1',
    });
    expect(updateTokenForm(form, { municipalityId: '' }).organizationId).toBe('');
  });

  it('asks for a name and the scope the role needs', () => {
    expect(tokenFormProblem(EMPTY_TOKEN_FORM)).toBe('name');
    const named = { ...EMPTY_TOKEN_FORM, name: 'x' };
    expect(tokenFormProblem(named)).toBeNull();
    expect(tokenFormProblem({ ...named, role: 'REGIONAL_ANALYST' })).toBe('region');
    expect(tokenFormProblem({ ...named, role: 'REGIONAL_ANALYST', regionId: 'r-sv' })).toBeNull();
    expect(tokenFormProblem({ ...named, role: 'SCHOOL_COORDINATOR', regionId: 'r-sv' })).toBe(
      'municipality',
    );
    const coordinator = { ...named, role: 'SCHOOL_COORDINATOR' as const, municipalityId: 'm-mal' };
    expect(tokenFormProblem(coordinator)).toBe('organization');
    expect(tokenFormProblem({ ...coordinator, organizationId: 'o-1' })).toBeNull();
    // Only coordinators need one.
    expect(tokenFormProblem({ ...coordinator, role: 'MUNICIPAL_METHODOLOGIST' })).toBeNull();
  });

  it('tells active, expired and revoked tokens apart and names their scope', () => {
    expect(tokenState(token, new Date('2025-06-30T12:00:00Z'))).toBe('active');
    expect(tokenState(token, new Date('2025-07-01T00:00:00Z'))).toBe('expired');
    expect(tokenState({ ...token, revokedAt: '2025-02-01T00:00:00Z' }, new Date(0))).toBe(
      'revoked',
    );
    expect(tokenScopeName(token)).toBe('Свердловская область');
    expect(
      tokenScopeName({ ...token, municipality: { id: 'm-mal', name: 'Малышевский ГО' } }),
    ).toBe('Малышевский ГО');
    expect(tokenScopeName({ ...token, region: null })).toBeNull();
  });

  it('names the organization of a token: short name, else full name, else its id', () => {
    expect(tokenOrganizationName(token, dir)).toBeNull();
    expect(tokenOrganizationName({ ...token, organizationId: 'o-1' }, dir)).toBe('СОШ № 1');
    expect(tokenOrganizationName({ ...token, organizationId: 'o-2' }, dir)).toBe('МБОУ СОШ № 2');
    // Not in the directory (e.g. it failed to load): the id at least.
    expect(tokenOrganizationName({ ...token, organizationId: 'o-9' }, dir)).toBe('o-9');
  });
});

describe('admin page plumbing', () => {
  it('shows the admin page in the navigation to administrators only', () => {
    expect(visiblePages('ADMIN')).toContain('admin');
    for (const role of ['REGIONAL_ANALYST', 'MUNICIPAL_METHODOLOGIST', 'DASHBOARD', null]) {
      expect(visiblePages(role)).not.toContain('admin');
      expect(visiblePages(role)).toContain('coverage');
    }
  });

  it('loads every page of a list', async () => {
    const all = Array.from({ length: 7 }, (_, i) => i);
    const offsets: number[] = [];
    const nodes = await loadAllPages(async (offset) => {
      offsets.push(offset);
      return { totalCount: all.length, nodes: all.slice(offset, offset + 3) };
    });
    expect(nodes).toEqual(all);
    expect(offsets).toEqual([0, 3, 6]);
  });

  it('has GraphQL documents valid against the committed schema', () => {
    const schema = buildSchema(
      readFileSync(resolve(__dirname, '../../schema/schema.graphql'), 'utf8'),
    );
    const documents = Object.entries(adminQueries).filter(
      ([name, value]) => /_(QUERY|MUTATION)$/.test(name) && typeof value === 'string',
    );
    expect(documents.length).toBeGreaterThanOrEqual(8);
    for (const [name, source] of documents) {
      const problems = validate(schema, parse(source as string)).map((e) => e.message);
      expect([name, problems]).toEqual([name, []]);
    }
  });
});
