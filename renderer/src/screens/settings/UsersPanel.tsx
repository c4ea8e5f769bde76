import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../../shared/api/securityTypes';
import { formatDate } from '../../../../shared/domain/dates';
import { USER_ROLES, type UserRole } from '../../../../shared/domain/enums';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/form/SelectField';
import { useApiForm } from '../../hooks/useApiForm';
import { FormErrorSummary } from '../../components/FormErrorSummary';

const KEY = ['users:list'];

/** Administrators add users, change roles, disable accounts and set new passwords. */
export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const { t } = useTranslation();
  const users = useQuery({ queryKey: KEY, queryFn: () => call('users:list', {}) });
  const [selected, setSelected] = useState<UserSummary | null>(null);
  return (
    <div className="split">
      <div>
        <h2>{t('security.users.title')}</h2>
        <p className="muted">{t('security.users.intro')}</p>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('security.users.username')}</th>
              <th scope="col">{t('security.users.displayName')}</th>
              <th scope="col">{t('security.users.role')}</th>
              <th scope="col">{t('security.users.status')}</th>
              <th scope="col">{t('security.users.lastLogin')}</th>
            </tr>
          </thead>
          <tbody>
            {(users.data ?? []).map((u) => (
              <tr key={u.id} className={selected?.id === u.id ? 'is-selected' : ''}>
                <td>
                  <button type="button" className="link" onClick={() => setSelected(u)}>
                    {u.username}
                  </button>
                </td>
                <td>{u.displayName}</td>
                <td>{t(`enum.userRole.${u.role}`)}</td>
                <td>{u.active ? (u.canUnlock ? t('security.users.active') : t('security.users.noKey')) : t('security.users.disabled')}</td>
                <td>{u.lastLoginAt ? formatDate(u.lastLoginAt.slice(0, 10)) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul className="muted small">
          {USER_ROLES.map((r) => (
            <li key={r}>{t(`security.roles.${r}`)}</li>
          ))}
        </ul>
      </div>
      <div>{selected ? <EditUser key={selected.id} user={selected} self={selected.id === currentUserId} onDone={setSelected} /> : <NewUser />}</div>
    </div>
  );
}

function useRoleOptions() {
  const { t } = useTranslation();
  return USER_ROLES.map((r) => ({ value: r, label: t(`enum.userRole.${r}`) }));
}

function NewUser() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useApiForm('users:create');
  const roles = useRoleOptions();
  const empty = { username: '', displayName: '', role: 'lawyer' as UserRole, password: '', passwordConfirm: '' };
  const [v, setV] = useState(empty);
  const set = (k: keyof typeof v) => (value: string) => setV((s) => ({ ...s, [k]: value }));
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (await form.submit(v)) {
      setV(empty);
      await client.invalidateQueries({ queryKey: KEY });
    }
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <h2>{t('security.users.add')}</h2>
      <Field label={t('security.users.username')} value={v.username} onChange={set('username')} error={form.fieldErrors.username} autoComplete="off" />
      <Field label={t('security.users.displayName')} value={v.displayName} onChange={set('displayName')} error={form.fieldErrors.displayName} />
      <SelectField label={t('security.users.role')} value={v.role} onChange={set('role')} options={roles} error={form.fieldErrors.role} />
      <Field type="password" label={t('security.users.password')} value={v.password} onChange={set('password')} error={form.fieldErrors.password} autoComplete="new-password" />
      <Field type="password" label={t('security.users.passwordConfirm')} value={v.passwordConfirm} onChange={set('passwordConfirm')} error={form.fieldErrors.passwordConfirm} autoComplete="new-password" />
      <FormErrorSummary form={form} />
      <button type="submit" className="primary" disabled={form.busy}>
        {t('security.users.create')}
      </button>
    </form>
  );
}

function EditUser({ user, self, onDone }: { user: UserSummary; self: boolean; onDone: (u: UserSummary | null) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const roles = useRoleOptions();
  const update = useApiForm('users:update');
  const activate = useApiForm('users:setActive');
  const reset = useApiForm('users:resetPassword');
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<UserRole>(user.role);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [asking, setAsking] = useState(false);
  const refresh = async (u: UserSummary | undefined) => {
    await client.invalidateQueries({ queryKey: KEY });
    if (u) onDone(u);
  };

  return (
    <div>
      <h2>{user.username}</h2>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          await refresh(await update.submit({ id: user.id, displayName, role }));
        }}
      >
        <Field label={t('security.users.displayName')} value={displayName} onChange={setDisplayName} error={update.fieldErrors.displayName} />
        <SelectField label={t('security.users.role')} value={role} onChange={(r) => setRole(r as UserRole)} options={roles} error={update.fieldErrors.role} />
        <FormErrorSummary form={update} />
        <button type="submit" disabled={update.busy}>
          {t('security.users.edit')}
        </button>
      </form>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const done = user.active
            ? await reset.submit({ id: user.id, password, passwordConfirm: confirm })
            : await activate.submit({ id: user.id, active: true, password });
          if (done) {
            setPassword('');
            setConfirm('');
            await refresh(done);
          }
        }}
      >
        <h3>{user.active ? t('security.users.reset') : t('security.users.enable')}</h3>
        <Field type="password" label={t('security.users.newPassword')} value={password} onChange={setPassword} error={reset.fieldErrors.password ?? activate.fieldErrors.password} autoComplete="new-password" />
        {user.active && <Field type="password" label={t('security.users.passwordConfirm')} value={confirm} onChange={setConfirm} error={reset.fieldErrors.passwordConfirm} autoComplete="new-password" />}
        <ErrorMessage error={reset.error ?? activate.error} />
        <button type="submit" disabled={reset.busy || activate.busy}>
          {user.active ? t('security.users.reset') : t('security.users.enable')}
        </button>
      </form>
      {user.active && !self && (
        <p>
          <button type="button" className="danger" onClick={() => setAsking(true)}>
            {t('security.users.disable')}
          </button>
        </p>
      )}
      <ConfirmDialog
        open={asking}
        danger
        title={t('security.users.disable')}
        confirmLabel={t('security.users.disable')}
        busy={activate.busy}
        onCancel={() => setAsking(false)}
        onConfirm={async () => {
          const done = await activate.submit({ id: user.id, active: false });
          setAsking(false);
          await refresh(done);
        }}
      >
        {t('security.users.confirmDisable', { name: user.displayName })}
      </ConfirmDialog>
    </div>
  );
}
