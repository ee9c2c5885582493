// The organizer API on the app's one transport (tokens, refresh, language).
import { createOrgApi } from '../../lib/orgApi';
import './messages';
import { api } from '../../lib/session.svelte';

export const orgApi = createOrgApi(api.http);
