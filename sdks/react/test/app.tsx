// The test page: a small app using every hook and component, bundled with esbuild and served on the
// same origin as Janua (the test's server proxies the API), as a single-page app would be deployed.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LocalStorage } from '@janua/typescript-sdk';
import { JanuaProvider, SignIn, SignUp, SignedIn, SignedOut, UserButton, useAuth, useOrganization, useSession, useUser } from '../dist/esm/index.js';

function Dashboard() {
  const { userId } = useAuth();
  const { user, update } = useUser();
  const { organization, organizations, members, membership, create } = useOrganization();
  const { session, sessions, revokeOthers } = useSession();
  return (
    <main style={{ fontFamily: 'system-ui', padding: 24 }}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', maxWidth: 640 }}>
        <h2>Dashboard</h2>
        <UserButton />
      </header>
      <p>User: <span data-testid="user-id">{userId}</span> <span data-testid="user-name">{user?.firstName}</span></p>
      <button onClick={() => update({ firstName: 'Renamed' })}>Rename</button>
      <button onClick={() => create({ name: 'Browser Org' })}>Create organization</button>
      <p>Organization: <span data-testid="org-name">{organization?.name ?? ''}</span> (<span data-testid="org-count">{organizations.length}</span>),
        role <span data-testid="org-role">{membership?.role ?? ''}</span>, members <span data-testid="member-count">{members.length}</span></p>
      <p>Session: <span data-testid="session-id">{session?.id ?? ''}</span>, sessions <span data-testid="session-count">{sessions.length}</span></p>
      <button onClick={() => revokeOthers()}>Sign out other devices</button>
    </main>
  );
}

function App() {
  const [mode, setMode] = useState<'sign-in' | 'sign-up'>('sign-in');
  return (
    <JanuaProvider baseURL={location.origin} storage={new LocalStorage()}>
      <SignedOut>
        <div style={{ display: 'flex', justifyContent: 'center', paddingTop: '8vh', background: '#f4f5f8', minHeight: '100vh' }}>
          {mode === 'sign-in' ? <SignIn onSignUpClick={() => setMode('sign-up')} /> : <SignUp onSignInClick={() => setMode('sign-in')} />}
        </div>
      </SignedOut>
      <SignedIn><Dashboard /></SignedIn>
    </JanuaProvider>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
