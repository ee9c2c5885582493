// The secretariat's and judges' essay API on the app's one transport.
import { createEssayStaffApi } from '../../lib/essayStaffApi';
import { api } from '../../lib/session.svelte';
import '../essay/messages';

export const staffApi = createEssayStaffApi(api.http);
