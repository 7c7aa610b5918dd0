import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { JanuaClient, type AuthResult, type JanuaClientOptions, type SignInRequest, type SignUpRequest, type UserView } from '@janua/typescript-sdk';

/** A sign-in waiting for its second factor. */
export interface PendingMfa {
  mfaToken: string;
  methods: string[];
  email?: string;
}

export interface JanuaContextValue {
  client: JanuaClient;
  isLoaded: boolean;
  user: UserView | null;
  pendingMfa: PendingMfa | null;
  activeOrganizationId: string | null;
  /** Bumped after every sign-in, sign-out and refresh of the user: hooks reload their data on it. */
  version: number;
  signIn(params: SignInRequest): Promise<AuthResult>;
  signUp(params: SignUpRequest): Promise<AuthResult>;
  verifyMfa(code: string, method?: string, trustDevice?: boolean): Promise<AuthResult>;
  signOut(): Promise<void>;
  reloadUser(): Promise<UserView | null>;
  setUser(user: UserView): void;
  setActiveOrganization(organizationId: string | null): void;
}

const JanuaContext = createContext<JanuaContextValue | null>(null);

export interface JanuaProviderProps extends JanuaClientOptions {
  /** A client you made yourself; otherwise one is made from the other props. */
  client?: JanuaClient;
  children?: ReactNode;
}

/**
 * Holds one Janua client and the signed-in user for the components below it. On mount it restores a
 * stored session (see the client's `storage` option: `new LocalStorage()` keeps it across reloads).
 */
export function JanuaProvider({ client: given, children, ...options }: JanuaProviderProps) {
  const optionsRef = useRef(options);
  const client = useMemo(() => given ?? new JanuaClient(optionsRef.current), [given]);
  const [isLoaded, setLoaded] = useState(false);
  const [user, setUserState] = useState<UserView | null>(null);
  const [pendingMfa, setPendingMfa] = useState<PendingMfa | null>(null);
  const [activeOrganizationId, setActiveOrganizationId] = useState<string | null>(options.organizationId ?? null);
  const [version, setVersion] = useState(0);

  const setUser = useCallback((u: UserView | null) => { setUserState(u); setVersion((v) => v + 1); }, []);

  const reloadUser = useCallback(async () => {
    if (!(await client.getSession())) { setUser(null); return null; }
    try {
      const u = await client.auth.getCurrentUser();
      setUser(u);
      return u;
    } catch (e) {
      // a session that ended elsewhere (revoked, expired) means signed out here
      if ((e as { statusCode?: number }).statusCode === 401 || (e as { code?: string }).code === 'NOT_AUTHENTICATED') {
        await client.setSession(null);
        setUser(null);
        return null;
      }
      throw e;
    }
  }, [client, setUser]);

  useEffect(() => {
    let live = true;
    reloadUser().catch(() => undefined).finally(() => { if (live) setLoaded(true); });
    return () => { live = false; };
  }, [reloadUser]);

  const finish = useCallback(async (result: AuthResult, email?: string) => {
    if (result.requiresMfa && result.mfaToken) {
      setPendingMfa({ mfaToken: result.mfaToken, methods: result.methods ?? [], email });
    } else {
      setPendingMfa(null);
      setUser(result.user ?? (await client.auth.getCurrentUser()));
    }
    return result;
  }, [client, setUser]);

  const value = useMemo<JanuaContextValue>(() => ({
    client, isLoaded, user, pendingMfa, activeOrganizationId, version,
    signIn: async (params) => finish(await client.auth.signIn(params), params.email),
    signUp: async (params) => finish(await client.auth.signUp(params), params.email),
    verifyMfa: async (code, method, trustDevice) => {
      if (!pendingMfa) throw new Error('No sign-in is waiting for a second factor');
      return finish(await client.mfa.verifyChallenge({ mfaToken: pendingMfa.mfaToken, code, method, trustDevice }));
    },
    signOut: async () => {
      try { await client.auth.signOut(); } finally { setPendingMfa(null); setUser(null); }
    },
    reloadUser,
    setUser,
    setActiveOrganization: (id) => { client.setOrganization(id ?? undefined); setActiveOrganizationId(id); },
  }), [client, isLoaded, user, pendingMfa, activeOrganizationId, version, finish, reloadUser, setUser]);

  return <JanuaContext.Provider value={value}>{children}</JanuaContext.Provider>;
}

export function useJanuaContext(): JanuaContextValue {
  const ctx = useContext(JanuaContext);
  if (!ctx) throw new Error('Janua hooks and components must be used inside <JanuaProvider>');
  return ctx;
}

/** The Janua client of the nearest provider (for calls the hooks do not cover). */
export function useJanua(): JanuaClient {
  return useJanuaContext().client;
}
