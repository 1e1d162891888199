import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '../client';
import * as schema from '../schema';

// Boards factories (boards, applications, reviews, members): each inserts one valid row and returns it.

export const newBoardRow = async (db: DbOrTx, over: Partial<typeof schema.boards.$inferInsert> = {}) =>
  (
    await db
      .insert(schema.boards)
      .values({ name: `Board ${randomBytes(3).toString('hex')}`, program: 'Reentry', purpose: 'Advise', seats: 11, termMonths: 24, meetingCadence: 'Monthly', status: 'recruiting', criteria: [{ key: 'lived', label: 'Lived experience', maxScore: 5 }], ...over })
      .returning()
  )[0]!;

export const newApplicationRow = async (db: DbOrTx, boardId: string, over: Partial<typeof schema.boardApplications.$inferInsert> = {}) =>
  (
    await db
      .insert(schema.boardApplications)
      .values({ boardId, reference: `B-${randomBytes(5).toString('hex').toUpperCase()}`, name: 'Rosa Díaz', phone: '(323) 555-0100', languages: ['es'], spa: 'spa6', ...over })
      .returning()
  )[0]!;

export const newReviewRow = async (db: DbOrTx, applicationId: string, reviewerUserId: string) =>
  (await db.insert(schema.boardReviews).values({ applicationId, reviewerUserId, scores: { lived: 3 } }).returning())[0]!;

export const newMemberRow = async (db: DbOrTx, boardId: string, over: Partial<typeof schema.boardMembers.$inferInsert> = {}) =>
  (await db.insert(schema.boardMembers).values({ boardId, name: 'Rosa Díaz', phone: '(323) 555-0100', termStart: '2027-01-01', termEnd: '2028-12-31', ...over }).returning())[0]!;
