import { describe, expect, it } from 'vitest';
import { withRole, withoutRole, type StaffRole } from './staffApi';

const held: StaffRole[] = [
  { role: 'judge', unitId: 'u1', unitName: 'Phường An Biên' },
  { role: 'secretary', unitId: 'u2', unitName: 'Khu phố 1' },
];

describe('role lists', () => {
  it('adds a role once', () => {
    expect(withRole(held, 'organizer', 'u1')).toEqual([
      { role: 'judge', unitId: 'u1' },
      { role: 'secretary', unitId: 'u2' },
      { role: 'organizer', unitId: 'u1' },
    ]);
    expect(withRole(held, 'judge', 'u1')).toHaveLength(2);
  });
  it('removes exactly the role asked', () => {
    expect(withoutRole(held, { role: 'judge', unitId: 'u1' })).toEqual([{ role: 'secretary', unitId: 'u2' }]);
    expect(withoutRole(held, { role: 'judge', unitId: 'u2' })).toHaveLength(2);
  });
});
