// The author's essay API on the app's one transport.
import { createEssayApi } from '../../lib/essayApi';
import { api } from '../../lib/session.svelte';
import './messages';

export const essayApi = createEssayApi(api.http);
