// Organizers type round times in Vietnam time whatever their computer's
// zone (a laptop left on UTC, a phone abroad): a datetime-local box holds
// "2025-06-02T10:00", which is sent as "2025-06-02T10:00:00+07:00".
// Vietnam has kept UTC+7 without daylight saving since 1975, so the offset
// is a constant and no time-zone database is needed.

const VN_OFFSET_MS = 7 * 3600 * 1000;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** toVietnamInput turns an instant (ISO) into a datetime-local value in Vietnam time; '' when unset. */
export function toVietnamInput(iso: string | undefined | null): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  // Go's zero time (0001-01-01) means "not set".
  if (Number.isNaN(t) || t <= 0) return '';
  const d = new Date(t + VN_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/**
 * fromVietnamInput turns a datetime-local value read as Vietnam time into
 * an ISO instant with +07:00; null when the value is empty or not a real
 * date (31 February).
 */
export function fromVietnamInput(value: string): string | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number);
  const s = m[6] ? Number(m[6]) : 0;
  const check = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}+07:00`;
}

/** vietnamInputAt is the datetime-local value for an instant in ms, e.g. "now" in a form's default. */
export function vietnamInputAt(ms: number): string {
  return toVietnamInput(new Date(ms).toISOString());
}
