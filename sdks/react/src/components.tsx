import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AuthResult } from '@janua/typescript-sdk';
import { useJanuaContext } from './context.js';
import { useJanuaStyles } from './styles.js';

export interface Labels {
  brand?: string;
  signInTitle?: string; signUpTitle?: string; mfaTitle?: string;
  email?: string; password?: string; firstName?: string; lastName?: string; code?: string; rememberMe?: string;
  signIn?: string; signUp?: string; verify?: string; signOut?: string;
  noAccount?: string; haveAccount?: string; mfaLead?: string;
}

const EN: Required<Labels> = {
  brand: 'Janua', signInTitle: 'Sign in', signUpTitle: 'Create your account', mfaTitle: 'Two-step verification',
  email: 'Email', password: 'Password', firstName: 'First name', lastName: 'Last name', code: 'Authentication code',
  rememberMe: 'Keep me signed in', signIn: 'Sign in', signUp: 'Create account', verify: 'Verify', signOut: 'Sign out',
  noAccount: 'Create your account', haveAccount: 'Already have an account? Sign in',
  mfaLead: 'Enter the 6-digit code from your authenticator app, or a backup code.',
};

/** The server's message for a failed call (localised by the client's `locale`), else a generic one. */
function messageOf(e: unknown): string {
  return e instanceof Error && e.message ? e.message : 'Something went wrong. Try again.';
}

function Card({ title, brand, children }: { title: string; brand: string; children: ReactNode }) {
  useJanuaStyles();
  const titleId = useId();
  return (
    <section className="janua-root janua-card" aria-labelledby={titleId}>
      <header className="janua-brand"><span className="janua-brand-mark" aria-hidden="true" />{brand}</header>
      <h1 id={titleId}>{title}</h1>
      {children}
    </section>
  );
}

function ErrorText({ error }: { error: string | null }) {
  return error ? <p className="janua-error" role="alert">{error}</p> : null;
}

/**
 * A form's submit: runs `action` with the form's fields, shows the server's message on failure,
 * and disables the button meanwhile; `done` gets a result that needs no further step.
 */
function useFormAction(done?: (result: AuthResult) => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = (action: (form: FormData) => Promise<AuthResult>) => async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try {
      const result = await action(new FormData(e.currentTarget));
      if (!result.requiresMfa) done?.(result);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

const field = (f: FormData, name: string) => String(f.get(name) ?? '');

export interface SignInProps {
  labels?: Labels;
  /** Called once signed in (after the second factor when one is due). */
  afterSignIn?: (result: AuthResult) => void;
  /** Shows a "create your account" link that calls this. */
  onSignUpClick?: () => void;
}

/** Email + password sign-in, then the second factor when the account has MFA — the hosted page's flow. */
export function SignIn({ labels, afterSignIn, onSignUpClick }: SignInProps) {
  const l = { ...EN, ...labels };
  const { signIn, verifyMfa, pendingMfa } = useJanuaContext();
  const { error, busy, run } = useFormAction(afterSignIn);
  const ids = { email: useId(), password: useId(), remember: useId(), code: useId() };
  const codeRef = useRef<HTMLInputElement>(null);
  useEffect(() => { if (pendingMfa) codeRef.current?.focus(); }, [pendingMfa]);

  if (pendingMfa) {
    return (
      <Card title={l.mfaTitle} brand={l.brand}>
        <p className="janua-muted">{l.mfaLead}</p>
        <ErrorText error={error} />
        <form onSubmit={run((f) => {
          const code = field(f, 'code').trim();
          return verifyMfa(code, /^\d{6}$/.test(code) ? 'totp' : 'backup_code');
        })} noValidate>
          <label htmlFor={ids.code}>{l.code}</label>
          <input ref={codeRef} id={ids.code} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" required />
          <button type="submit" className="janua-button janua-primary" disabled={busy}>{l.verify}</button>
        </form>
      </Card>
    );
  }
  return (
    <Card title={l.signInTitle} brand={l.brand}>
      <ErrorText error={error} />
      <form onSubmit={run((f) => signIn({
        email: field(f, 'email'), password: field(f, 'password'), rememberMe: f.get('rememberMe') === 'true',
      }))} noValidate>
        <label htmlFor={ids.email}>{l.email}</label>
        <input id={ids.email} name="email" type="email" autoComplete="username" required autoFocus />
        <label htmlFor={ids.password}>{l.password}</label>
        <input id={ids.password} name="password" type="password" autoComplete="current-password" required />
        <div className="janua-check">
          <input id={ids.remember} name="rememberMe" type="checkbox" value="true" />
          <label htmlFor={ids.remember}>{l.rememberMe}</label>
        </div>
        <button type="submit" className="janua-button janua-primary" disabled={busy}>{l.signIn}</button>
      </form>
      {onSignUpClick && <p className="janua-muted janua-links"><button type="button" className="janua-link" onClick={onSignUpClick}>{l.noAccount}</button></p>}
    </Card>
  );
}

export interface SignUpProps {
  labels?: Labels;
  afterSignUp?: (result: AuthResult) => void;
  onSignInClick?: () => void;
}

/** Name, email and password — the hosted sign-up page's fields and rules (the server checks the password). */
export function SignUp({ labels, afterSignUp, onSignInClick }: SignUpProps) {
  const l = { ...EN, ...labels };
  const { signUp } = useJanuaContext();
  const { error, busy, run } = useFormAction(afterSignUp);
  const ids = { first: useId(), last: useId(), email: useId(), password: useId() };
  const submit = run((f) => signUp({
    email: field(f, 'email'), password: field(f, 'password'),
    firstName: field(f, 'firstName') || undefined, lastName: field(f, 'lastName') || undefined,
  }));
  return (
    <Card title={l.signUpTitle} brand={l.brand}>
      <ErrorText error={error} />
      <form onSubmit={submit} noValidate>
        <label htmlFor={ids.first}>{l.firstName}</label>
        <input id={ids.first} name="firstName" type="text" autoComplete="given-name" />
        <label htmlFor={ids.last}>{l.lastName}</label>
        <input id={ids.last} name="lastName" type="text" autoComplete="family-name" />
        <label htmlFor={ids.email}>{l.email}</label>
        <input id={ids.email} name="email" type="email" autoComplete="email" required />
        <label htmlFor={ids.password}>{l.password}</label>
        <input id={ids.password} name="password" type="password" autoComplete="new-password" required minLength={8} />
        <button type="submit" className="janua-button janua-primary" disabled={busy}>{l.signUp}</button>
      </form>
      {onSignInClick && <p className="janua-muted janua-links"><button type="button" className="janua-link" onClick={onSignInClick}>{l.haveAccount}</button></p>}
    </Card>
  );
}

export interface UserButtonProps {
  labels?: Labels;
  afterSignOut?: () => void;
  /** Extra menu content (links to your account pages). */
  children?: ReactNode;
}

/** The signed-in user's avatar (or initials); opens a menu with the name, email and sign-out. */
export function UserButton({ labels, afterSignOut, children }: UserButtonProps) {
  useJanuaStyles();
  const l = { ...EN, ...labels };
  const { user, signOut } = useJanuaContext();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => { document.removeEventListener('mousedown', close); document.removeEventListener('keydown', close); };
  }, [open]);
  if (!user) return null;
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
  const initials = (name || user.email || '?').split(/[\s@.]+/).filter(Boolean).slice(0, 2).map((p) => p[0]!.toUpperCase()).join('');
  return (
    <div ref={root} className="janua-root janua-user-button">
      <button type="button" className="janua-avatar" aria-haspopup="menu" aria-expanded={open} aria-controls={menuId}
              aria-label={`Account: ${name || user.email}`} onClick={() => setOpen(!open)}>
        {user.profileImageUrl ? <img src={user.profileImageUrl} alt="" /> : initials}
      </button>
      {open && (
        <div id={menuId} className="janua-menu" role="menu">
          {name && <div className="janua-user-name"><strong>{name}</strong></div>}
          <div className="janua-muted janua-user-email">{user.email}</div>
          {children}
          <button type="button" role="menuitem" className="janua-button" onClick={async () => { setOpen(false); await signOut(); afterSignOut?.(); }}>
            {l.signOut}
          </button>
        </div>
      )}
    </div>
  );
}

/** Renders its children only while signed in. */
export function SignedIn({ children }: { children?: ReactNode }) {
  const { isLoaded, user } = useJanuaContext();
  return isLoaded && user ? <>{children}</> : null;
}

/** Renders its children only while signed out (once the stored session has been checked). */
export function SignedOut({ children }: { children?: ReactNode }) {
  const { isLoaded, user } = useJanuaContext();
  return isLoaded && !user ? <>{children}</> : null;
}
