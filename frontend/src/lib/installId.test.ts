import { beforeEach, describe, expect, it } from 'vitest';
import { forgetInstallId, installId } from './installId';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

describe('installId', () => {
  beforeEach(() => forgetInstallId());

  it('makes a 16-hex-digit ID once and keeps it in storage', () => {
    const s = memory();
    const id = installId(s);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    forgetInstallId();
    expect(installId(s)).toBe(id);
    expect(s.m.get('hoithi.install')).toBe(id);
  });

  it('replaces a stored value that is not one of its IDs', () => {
    const s = memory();
    s.setItem('hoithi.install', 'x|y');
    expect(installId(s)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('works without storage', () => {
    expect(installId(null)).toMatch(/^[0-9a-f]{16}$/);
  });
});
