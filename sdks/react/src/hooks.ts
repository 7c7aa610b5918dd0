import { useCallback, useEffect, useState } from 'react';
import type { Member, OrganizationDraft, OrganizationView, ProfileUpdate, SessionView, UserView } from '@janua/typescript-sdk';
import { useJanuaContext } from './context.js';

/** Signed in or not, and the actions that change it. */
export function useAuth() {
  const c = useJanuaContext();
  return {
    isLoaded: c.isLoaded,
    isSignedIn: c.user !== null,
    userId: c.user?.id ?? null,
    user: c.user,
    /** A sign-in waiting for `verifyMfa(code)`. */
    pendingMfa: c.pendingMfa,
    signIn: c.signIn,
    signUp: c.signUp,
    verifyMfa: c.verifyMfa,
    signOut: c.signOut,
    /** The current access token (refreshed first when about to expire), for your own API calls. */
    getToken: async () => {
      const s = await c.client.getSession();
      if (!s) return null;
      if (s.expiresAt !== undefined && s.expiresAt - Date.now() < 30_000) return (await c.client.core.refresh()).accessToken;
      return s.accessToken;
    },
  };
}

/** The signed-in user and profile updates. */
export function useUser() {
  const c = useJanuaContext();
  const update = useCallback(async (patch: ProfileUpdate): Promise<UserView> => {
    const u = await c.client.auth.updateProfile(patch);
    c.setUser(u);
    return u;
  }, [c]);
  return { isLoaded: c.isLoaded, isSignedIn: c.user !== null, user: c.user, update, reload: c.reloadUser };
}

/** Loads `load()` while signed in, again whenever the provider's `version` or `deps` change. */
function useSignedInData<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; isLoaded: boolean; error: unknown; reload: () => Promise<void> } {
  const c = useJanuaContext();
  const [data, setData] = useState<T | null>(null);
  const [isLoaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async () => {
    if (!c.user) { setData(null); setLoaded(c.isLoaded); return; }
    try { setData(await load()); setError(null); } catch (e) { setError(e); } finally { setLoaded(true); }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [c.user, c.isLoaded, c.version, ...deps]);
  useEffect(() => { void run(); }, [run]);
  return { data, isLoaded, error, reload: run };
}

/** The user's organizations, the active one (sent as `X-Organization-ID`) and its members. */
export function useOrganization() {
  const c = useJanuaContext();
  const [tick, setTick] = useState(0);
  const list = useSignedInData(async () => (await c.client.organizations.list({ limit: 100 })).data, [tick]);
  const organizations = list.data ?? [];
  const organization: OrganizationView | null =
    organizations.find((o) => o.id === c.activeOrganizationId) ?? (c.activeOrganizationId ? null : organizations[0] ?? null);
  const members = useSignedInData<Member[]>(
    async () => (organization?.id ? (await c.client.organizations.listMembers(organization.id, { limit: 100 })).data : []),
    [organization?.id, tick]);
  return {
    isLoaded: list.isLoaded,
    organizations,
    organization,
    members: members.data ?? [],
    membership: organization ? { role: organization.userRole, permissions: organization.userPermissions ?? [] } : null,
    setActive: (organizationId: string | null) => c.setActiveOrganization(organizationId),
    create: async (draft: OrganizationDraft) => {
      const org = await c.client.organizations.create(draft);
      c.setActiveOrganization(org.id ?? null);
      setTick((t) => t + 1);
      return org;
    },
    reload: () => setTick((t) => t + 1),
    error: list.error ?? members.error,
  };
}

/** The current session and the user's other sessions (devices), with revocation. */
export function useSession() {
  const c = useJanuaContext();
  const [tick, setTick] = useState(0);
  const current = useSignedInData<SessionView>(() => c.client.sessions.getCurrent(), [tick]);
  const all = useSignedInData<SessionView[]>(async () => (await c.client.sessions.list({ limit: 100 })).data, [tick]);
  return {
    isLoaded: current.isLoaded && all.isLoaded,
    isSignedIn: c.user !== null,
    session: current.data,
    sessions: all.data ?? [],
    revoke: async (sessionId: string) => {
      await c.client.sessions.revoke(sessionId);
      if (sessionId === current.data?.id) await c.signOut(); else setTick((t) => t + 1);
    },
    revokeOthers: async () => { const r = await c.client.sessions.revokeOther(); setTick((t) => t + 1); return r; },
    reload: () => setTick((t) => t + 1),
  };
}
