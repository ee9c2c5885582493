// The app's single API client and the logged-in state the header reads.
import { createApi, type Profile } from './api';
import { locale } from './locale.svelte';
import { here, navigate } from './navigation.svelte';
import { loginPath } from './router';
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

export const api = createApi({
  fetch: (input, init) => fetch(input, init),
  tokens: {
    get: tokens.get,
    set(t) {
      tokens.set(t);
      session.loggedIn = true;
      session.organizer = organizes(t);
      session.secretary = secretaries(t);
      session.judge = judges(t);
    },
    clear() {
      tokens.clear();
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

/** loadProfile fetches the profile once per session and shares it. */
export async function loadProfile(force = false): Promise<Profile> {
  if (session.profile && !force) return session.profile;
  const profile = await api.me();
  session.profile = profile;
  return profile;
}
