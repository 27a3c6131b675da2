import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../app/ConsoleContext';
import { LanguageSwitch } from './LanguageSwitch';

/** Shown when the plant server wants a user name and password (remote consoles). */
export function SignInDialog(): React.JSX.Element {
  const { t } = useTranslation();
  const controller = useConsole();
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await controller.signIn(user, password);
      if (!res.ok) setError(res.message);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="modal-backdrop">
      <form className="sign-in" onSubmit={(e) => void submit(e)} data-testid="sign-in">
        <div className="sign-in-head">
          <h2>{t('signIn.title')}</h2>
          <LanguageSwitch />
        </div>
        <p>{t('signIn.hint')}</p>
        <label>
          {t('signIn.user')}
          <input value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" required autoFocus />
        </label>
        <label>
          {t('signIn.password')}
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
        </label>
        {error && <div className="sign-in-error">{t('signIn.failed', { message: error })}</div>}
        <button type="submit" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </div>
  );
}
