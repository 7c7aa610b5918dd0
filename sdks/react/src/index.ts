export { JanuaProvider, useJanua, type JanuaProviderProps, type JanuaContextValue, type PendingMfa } from './context.js';
export { useAuth, useUser, useOrganization, useSession } from './hooks.js';
export { SignIn, SignUp, UserButton, SignedIn, SignedOut, type SignInProps, type SignUpProps, type UserButtonProps, type Labels } from './components.js';
export { JANUA_CSS, useJanuaStyles } from './styles.js';
