// The app's single API client and the logged-in state the header reads.
import { createApi, type Profile } from './api';
import { locale } from './locale.svelte';
import { here, navigate } from './navigation.svelte';
import { loginPath } from './router';
import { storageTokenStore } from './tokens';

const tokens = storageTokenStore(localStorage);

export const session = $state<{ loggedIn: boolean; profile: Profile | null }>({
  loggedIn: tokens.get() !== null,
  profile: null,
});

export const api = createApi({
  fetch: (input, init) => fetch(input, init),
  tokens: {
    get: tokens.get,
    set(t) {
      tokens.set(t);
      session.loggedIn = true;
    },
    clear() {
      tokens.clear();
      session.loggedIn = false;
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
