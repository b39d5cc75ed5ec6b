import { type FormEvent, useState } from 'react';

import { errorMessage } from '../../api/graphql';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/ru';
import type { RoleName } from '../auth/auth.queries';
import type { CreateApiTokenInput } from './admin.queries';
import type { TokenForm, TokenFormProblem } from './apiTokens';
import {
  EMPTY_TOKEN_FORM,
  TOKEN_ROLES,
  toCreateTokenInput,
  tokenFormProblem,
  updateTokenForm,
} from './apiTokens';
import type { ScopeDirectory } from './scopeDirectory';
import { byName, effectiveRegionId, organizationName, organizationsIn } from './scopeDirectory';

const PROBLEMS: Record<Exclude<TokenFormProblem, null>, MessageKey> = {
  name: 'admin.tokens.needName',
  region: 'admin.tokens.needRegion',
  municipality: 'admin.tokens.needMunicipality',
  organization: 'admin.tokens.needOrganization',
};

interface CreateTokenFormProps {
  directory: ScopeDirectory;
  onCreate: (input: CreateApiTokenInput) => Promise<void>;
}

export function CreateTokenForm({ directory, onCreate }: CreateTokenFormProps) {
  const t = useT();
  const [form, setForm] = useState<TokenForm>(EMPTY_TOKEN_FORM);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<TokenForm>) => setForm((f) => updateTokenForm(f, patch));
  // A municipality fixes the region; a region narrows the municipalities offered.
  const shownRegion =
    effectiveRegionId(directory, {
      regionId: form.regionId || null,
      municipalityId: form.municipalityId || null,
    }) ?? '';
  const municipalities = byName(
    directory.municipalities.filter((m) => !form.regionId || m.region.id === form.regionId),
  );
  // Organizations of the chosen municipality; a coordinator token must name one.
  const organizations = form.municipalityId ? organizationsIn(directory, form.municipalityId) : [];
  const needsOrganization = form.role === 'SCHOOL_COORDINATOR';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = tokenFormProblem(form);
    if (problem) {
      setError(t(PROBLEMS[problem]));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onCreate(toCreateTokenInput(form, directory));
      setForm(EMPTY_TOKEN_FORM);
    } catch (e) {
      setError(t('common.error', { message: errorMessage(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="filters admin-token-form" onSubmit={submit} data-testid="token-form">
      <label className="field field-grow">
        <span>{t('admin.tokens.name')}</span>
        <input
          value={form.name}
          maxLength={200}
          onChange={(e) => update({ name: e.target.value })}
          placeholder={t('admin.tokens.namePlaceholder')}
          data-testid="token-name"
        />
      </label>
      <label className="field">
        <span>{t('admin.col.role')}</span>
        <select
          value={form.role}
          onChange={(e) => update({ role: e.target.value as RoleName })}
          data-testid="token-role"
        >
          {TOKEN_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('admin.col.region')}</span>
        <select
          value={shownRegion}
          disabled={form.municipalityId !== ''}
          onChange={(e) => update({ regionId: e.target.value })}
          data-testid="token-region"
        >
          <option value="">{t('admin.scopeAll')}</option>
          {byName(directory.regions).map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('admin.col.municipality')}</span>
        <select
          value={form.municipalityId}
          onChange={(e) => update({ municipalityId: e.target.value })}
          data-testid="token-municipality"
        >
          <option value="">{t('admin.scopeAll')}</option>
          {municipalities.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('admin.col.organization')}</span>
        <select
          value={form.organizationId}
          disabled={form.municipalityId === ''}
          aria-required={needsOrganization}
          onChange={(e) => update({ organizationId: e.target.value })}
          data-testid="token-organization"
        >
          <option value="">
            {needsOrganization ? t('admin.tokens.pickOrganization') : t('admin.scopeAll')}
          </option>
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {organizationName(o)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('admin.tokens.expiresOn')}</span>
        <input
          type="date"
          value={form.expiresOn}
          onChange={(e) => update({ expiresOn: e.target.value })}
          data-testid="token-expires"
        />
      </label>
      <button type="submit" disabled={busy} data-testid="token-create">
        {busy ? t('admin.tokens.creating') : t('admin.tokens.create')}
      </button>
      {error && (
        <p className="query-error admin-form-error" role="alert" data-testid="token-form-error">
          {error}
        </p>
      )}
    </form>
  );
}
