import type { Me } from '@tandem/contract';
import { paths } from '../config/paths';
import { en } from '../i18n/en';
import { buildNav, canSeeAdvisory } from './nav';

const t = (key: keyof typeof en) => en[key];
const me = (over: Partial<Me> = {}): Me => ({
  user: { id: '00000000-0000-4000-8000-000000000001', email: 'darnell@test.example', name: 'Darnell', locale: 'en', createdAt: '2026-01-01T00:00:00.000Z' },
  memberships: [{ organizationId: '00000000-0000-4000-8000-000000000002', organizationName: 'Second Chance', organizationType: 'cbo', role: 'staff' }],
  isNetworkAdmin: false,
  coordinatesBoards: false,
  ...over,
});
const hasBoards = (m: Me) => buildNav(m, t).some((s) => s.items.some((i) => i.to === paths.advisoryBoards.href()));

describe('the Boards menu item', () => {
  it('shows for a staff member named coordinator of a board, without the board_coordinator role', () => {
    expect(canSeeAdvisory(me({ coordinatesBoards: true }))).toBe(true);
    expect(hasBoards(me({ coordinatesBoards: true }))).toBe(true);
  });
  it('shows for the board_coordinator role, and not for staff who coordinate no board', () => {
    expect(hasBoards(me({ memberships: [{ ...me().memberships[0]!, role: 'board_coordinator' }] }))).toBe(true);
    expect(hasBoards(me())).toBe(false);
  });
});
