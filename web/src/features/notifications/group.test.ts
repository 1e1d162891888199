import type { Notification } from '@tandem/contract';
import { groupByEntity } from './group';

const note = (id: string, entityId: string | null, readAt: string | null = null): Notification => ({
  id,
  kind: 'referral.message',
  entityType: entityId ? 'referral' : null,
  entityId,
  referralId: entityId,
  title: 'New message on a referral',
  data: {},
  createdAt: '2026-12-01T10:00:00Z',
  readAt,
});

describe('groupByEntity', () => {
  it('puts notifications about the same record together, in the order of each group’s newest, with the unread count', () => {
    const list = [note('n1', 'r1'), note('n2', 'r2'), note('n3', 'r1', '2026-12-01T11:00:00Z'), note('n4', 'r1'), note('n5', 'r2')];
    expect(groupByEntity(list).map((g) => ({ key: g.key, latest: g.latest.id, items: g.items.map((n) => n.id), unread: g.unread }))).toEqual([
      { key: 'referral:r1', latest: 'n1', items: ['n1', 'n3', 'n4'], unread: 2 },
      { key: 'referral:r2', latest: 'n2', items: ['n2', 'n5'], unread: 2 },
    ]);
  });

  it('leaves a notification about no record on its own', () => {
    expect(groupByEntity([note('a', null), note('b', null)]).map((g) => g.items.length)).toEqual([1, 1]);
  });
});
