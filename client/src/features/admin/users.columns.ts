import type { ValueGetterParams } from 'ag-grid-community';

import type { EditableColumn } from '../../components/editable-grid';
import type { Translate } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/ru';
import type { RoleName } from '../auth/auth.queries';
import { PasswordCellEditor } from './PasswordCellEditor';
import type { ScopeDirectory, ScopeOption } from './scopeDirectory';
import {
  byName,
  effectiveRegionId,
  organizationName,
  organizationsIn,
  parseScopeId,
} from './scopeDirectory';
import type { ScopeField, UserRow } from './userRow';
import {
  LOGIN_PATTERN,
  MIN_PASSWORD_LENGTH,
  missingScope,
  organizationOutside,
  REQUIRED_SCOPE,
} from './userRow';
import { parseActive, parseRole, roleKey } from './users.parse';

export const PASSWORD_MASK = '••••••••';

// The select opens on its first value: the least privileged comes first, administrator last.
const EDITOR_ROLES: readonly RoleName[] = [
  'SCHOOL_COORDINATOR',
  'MUNICIPAL_METHODOLOGIST',
  'REGIONAL_ANALYST',
  'DASHBOARD',
  'ADMIN',
];

const SCOPE_MESSAGES: Record<ScopeField, MessageKey> = {
  regionId: 'admin.needRegion',
  municipalityId: 'admin.needMunicipality',
  organizationId: 'admin.needOrganization',
};

function scopeMessage(t: Translate, row: UserRow, dir: ScopeDirectory): string | null {
  const missing = missingScope(row, dir);
  return missing && row.role ? t(SCOPE_MESSAGES[missing], { role: t(roleKey(row.role)) }) : null;
}

function required(t: Translate) {
  return (value: unknown) => (String(value ?? '').trim() === '' ? t('grid.required') : null);
}

/** Select values (an empty one first, to clear the cell) and a formatter showing names. */
function selectOf(options: readonly ScopeOption[]) {
  const names = new Map(options.map((o) => [o.id, o.name]));
  const name = (value: unknown) =>
    value === null || value === '' ? '—' : (names.get(String(value)) ?? String(value));
  return {
    values: ['', ...options.map((o) => o.id)],
    format: (p: { value: unknown }) => name(p.value),
    // The audit trail records the database id (a number).
    formatHistoryValue: name,
  };
}

// Short or full names; the row's own municipality first, as names repeat across municipalities.
function organizationChoices(dir: ScopeDirectory, row: UserRow): ScopeOption[] {
  const own = organizationsIn(dir, row.municipalityId);
  const rest = dir.organizations.filter((o) => o.municipality.id !== row.municipalityId);
  return [...own, ...rest].flatMap((o) => [
    { id: o.id, name: organizationName(o) },
    { id: o.id, name: o.name },
  ]);
}

const rowOf = (p: { data?: unknown }) => p.data as UserRow | undefined;

const needs = (row: UserRow, field: ScopeField) =>
  row.role !== null && REQUIRED_SCOPE[row.role] === field;

export function buildUserColumns(
  t: Translate,
  dir: ScopeDirectory,
  meId: string | null,
): EditableColumn<UserRow>[] {
  const notSelf = (row: UserRow) => row.id === null || row.id !== meId;
  const regions = selectOf(byName(dir.regions));
  const municipalities = selectOf(byName(dir.municipalities));
  const organizations = selectOf(
    dir.organizations.map((o) => ({ id: o.id, name: organizationName(o) })),
  );
  const unknown = (text: string) => new Error(t('grid.badValue', { text }));
  const selfTooltip = (p: { data?: unknown }) => {
    const row = rowOf(p);
    return row && !notSelf(row) ? t('admin.selfLocked') : undefined;
  };
  return [
    {
      field: 'login',
      headerName: t('admin.col.login'),
      width: 140,
      editable: true,
      validate: (value) => {
        const text = String(value ?? '').trim();
        if (text === '') {
          return t('grid.required');
        }
        return LOGIN_PATTERN.test(text) ? null : t('admin.badLogin');
      },
    },
    {
      field: 'displayName',
      headerName: t('admin.col.displayName'),
      flex: 1,
      minWidth: 180,
      editable: true,
      validate: required(t),
    },
    {
      field: 'role',
      headerName: t('admin.col.role'),
      width: 190,
      editable: notSelf,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: [...EDITOR_ROLES] },
      valueFormatter: (p) => (p.value ? t(roleKey(p.value as RoleName)) : ''),
      // The audit trail holds the database value ('municipal_methodologist').
      formatHistoryValue: (value) => t(roleKey(String(value).toUpperCase() as RoleName)),
      parse: (text) => parseRole(text, t),
      tooltipValueGetter: selfTooltip,
      // New rows report a missing scope on the scope cell; edited ones on the role they changed.
      validate: (value, row) =>
        value === null || value === ''
          ? t('grid.required')
          : row.id === null
            ? null
            : scopeMessage(t, row, dir),
    },
    {
      field: 'regionId',
      headerName: t('admin.col.region'),
      width: 170,
      // A municipality brings its region along: the region is chosen only without one.
      editable: (row) => row.municipalityId === null,
      valueGetter: (p: ValueGetterParams) => {
        const row = rowOf(p);
        return row ? effectiveRegionId(dir, row) : null;
      },
      valueFormatter: regions.format,
      formatHistoryValue: regions.formatHistoryValue,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: regions.values },
      parse: (text) => parseScopeId(text, dir.regions, unknown),
      validate: (_value, row) => (needs(row, 'regionId') ? scopeMessage(t, row, dir) : null),
    },
    {
      field: 'municipalityId',
      headerName: t('admin.col.municipality'),
      width: 200,
      editable: true,
      valueFormatter: municipalities.format,
      formatHistoryValue: municipalities.formatHistoryValue,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: municipalities.values },
      parse: (text) => parseScopeId(text, dir.municipalities, unknown),
      validate: (_value, row) => {
        if (needs(row, 'municipalityId')) {
          return scopeMessage(t, row, dir);
        }
        return row.id !== null && organizationOutside(row, dir) ? t('admin.orgOutside') : null;
      },
    },
    {
      field: 'organizationId',
      headerName: t('admin.col.organization'),
      width: 180,
      editable: true,
      valueFormatter: organizations.format,
      formatHistoryValue: organizations.formatHistoryValue,
      cellEditor: 'agSelectCellEditor',
      // Only the organizations of the row's municipality are offered.
      cellEditorParams: (p: { data?: unknown }) => ({
        values: ['', ...organizationsIn(dir, rowOf(p)?.municipalityId ?? null).map((o) => o.id)],
      }),
      parse: (text, row) => parseScopeId(text, organizationChoices(dir, row), unknown),
      validate: (_value, row) =>
        organizationOutside(row, dir)
          ? t('admin.orgOutside')
          : needs(row, 'organizationId')
            ? scopeMessage(t, row, dir)
            : null,
    },
    {
      field: 'active',
      headerName: t('admin.col.active'),
      width: 90,
      cellDataType: 'boolean',
      editable: notSelf,
      parse: (text) => parseActive(text, t),
      formatHistoryValue: (value) => t(value === true ? 'admin.yes' : 'admin.no'),
      tooltipValueGetter: selfTooltip,
    },
    {
      field: 'password',
      headerName: t('admin.col.password'),
      headerTooltip: t('admin.passwordHint'),
      width: 120,
      editable: true,
      cellDataType: 'text',
      cellEditor: PasswordCellEditor,
      // Its history is the hash column's, masked as *** by the audit trail: when, and by whom.
      historyColumn: 'password_hash',
      // Write-only: a typed password is masked; a stored one is never read back.
      valueFormatter: (p) => (p.value ? PASSWORD_MASK : ''),
      validate: (value, row) => {
        const text = String(value ?? '');
        if (row.id === null && text === '') {
          return t('grid.required');
        }
        return text !== '' && text.length < MIN_PASSWORD_LENGTH
          ? t('admin.passwordTooShort', { n: MIN_PASSWORD_LENGTH })
          : null;
      },
    },
  ];
}
