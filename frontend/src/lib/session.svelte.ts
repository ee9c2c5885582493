// The app's single API client and the logged-in state the header reads.
import { createApi, type Profile } from './api';
import { locale } from './locale.svelte';
import { here, navigate } from './navigation.svelte';
import { loginPath } from './router';
import { createRefresher } from './tokenRefresher';
import { accessClaims, storageTokenStore, type Tokens } from './tokens';

const tokens = storageTokenStore(localStorage);

/** Organizer links show from the token's grants, without loading the profile. */
function organizes(t: Tokens | null): boolean {
  return !!accessClaims(t?.accessToken)?.grants.some((g) => g.role === 'organizer' || g.role === 'admin');
}

/** Secretaries reach the essay secretariat through the contest list. */
function secretaries(t: Tokens | null): boolean {
  return !!accessClaims(t?.accessToken)?.grants.some((g) => g.role === 'secretary');
}

/** Judges get the "Chấm bài" link the same way. */
function judges(t: Tokens | null): boolean {
  return !!accessClaims(t?.accessToken)?.grants.some((g) => g.role === 'judge');
}

export const session = $state<{
  loggedIn: boolean;
  organizer: boolean;
  secretary: boolean;
  judge: boolean;
  profile: Profile | null;
}>({
  loggedIn: tokens.get() !== null,
  organizer: organizes(tokens.get()),
  secretary: secretaries(tokens.get()),
  judge: judges(tokens.get()),
  profile: null,
});

/** currentUserId is the logged-in user's ID from the token ('' when logged out). */
export function currentUserId(): string {
  return accessClaims(tokens.get()?.accessToken)?.sub ?? '';
}

/** Runs fn while holding a lock shared by every tab of this site. */
function acrossTabs<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('hoithi.refresh', fn) as Promise<T>) : fn();
}

export const api = createApi({
  fetch: (input, init) => fetch(input, init),
  exclusive: acrossTabs,
  tokens: {
    get: tokens.get,
    set(t) {
      tokens.set(t);
      refresher.schedule();
      session.loggedIn = true;
      session.organizer = organizes(t);
      session.secretary = secretaries(t);
      session.judge = judges(t);
    },
    clear() {
      tokens.clear();
      refresher.schedule();
      session.loggedIn = false;
      session.organizer = false;
      session.secretary = false;
      session.judge = false;
      session.profile = null;
    },
  },
  lang: () => locale.lang,
  onAuthLost: () => {
    if (!here.path.startsWith('/login')) navigate(loginPath(here.path + here.search), { replace: true });
  },
});

// Silent refresh: the access token is rotated before it expires while the
// app is open, and when the phone brings the app back (see tokenRefresher.ts).
const refresher = createRefresher({ refresh: () => api.http.refresh(), tokens });
refresher.schedule();
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void refresher.wake();
});
window.addEventListener('online', () => void refresher.wake());
// Another tab rotated the tokens: plan from the new expiry.
window.addEventListener('storage', () => refresher.schedule());

/** loadProfile fetches the profile once per session and shares it. */
export async function loadProfile(force = false): Promise<Profile> {
  if (session.profile && !force) return session.profile;
  const profile = await api.me();
  session.profile = profile;
  return profile;
}
