// The app's per-install random ID, sent when an attempt starts
// (X-Install-Id): the server keeps it on the attempt so that, after the
// round, many accounts played from one phone can be flagged for the prize
// review. It identifies nothing but this browser's storage.

const KEY = 'hoithi.install';

let cached = '';

/** installId returns this install's ID, made on first use (16 hex digits). */
export function installId(storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeStorage()): string {
  if (cached) return cached;
  let id = storage?.getItem(KEY) ?? '';
  if (!/^[0-9a-f]{16}$/.test(id)) {
    const bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    try {
      storage?.setItem(KEY, id);
    } catch {
      // Private mode or full storage: this page load keeps the ID in memory.
    }
  }
  cached = id;
  return id;
}

/** forgetInstallId clears the in-memory copy (tests). */
export function forgetInstallId() {
  cached = '';
}

function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
