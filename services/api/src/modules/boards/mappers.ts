import type { api, EndpointOutput } from '@tandem/contract';
import type { ApplicationRow, BoardRow, CharterRow, MemberRow, ReviewRow } from './repo';

type Board = EndpointOutput<typeof api.getBoard>;
type Charter = EndpointOutput<typeof api.createCharter>;
type Review = EndpointOutput<typeof api.putReview>;
type Application = EndpointOutput<typeof api.getApplication>;
type Member = EndpointOutput<typeof api.updateBoardMember>;

const iso = (d: Date) => d.toISOString();

export const toBoard = (r: BoardRow, coordinators: { id: string; name: string }[]): Board => ({
  id: r.id,
  name: r.name,
  program: r.program,
  purpose: r.purpose,
  seats: r.seats,
  termMonths: r.termMonths,
  meetingCadence: r.meetingCadence,
  status: r.status,
  questions: r.questions,
  criteria: r.criteria,
  coordinators,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  version: r.version,
});

export const toCharter = (r: CharterRow, acks: { memberId: string; acknowledgedAt: Date }[], activeMemberIds: string[]): Charter => {
  const done = new Set(acks.map((a) => a.memberId));
  return {
    id: r.id,
    boardId: r.boardId,
    number: r.number,
    sections: r.sections,
    quorumRule: r.quorumRule ?? null,
    createdAt: iso(r.createdAt),
    acknowledgements: acks.map((a) => ({ memberId: a.memberId, acknowledgedAt: iso(a.acknowledgedAt) })),
    pendingMemberIds: activeMemberIds.filter((m) => !done.has(m)),
  };
};

export const toReview = (r: ReviewRow & { reviewerName?: string | null }): Review => ({
  reviewerUserId: r.reviewerUserId,
  reviewerName: r.reviewerName ?? null,
  scores: r.scores,
  comment: r.comment,
  conflict: r.conflict,
  updatedAt: iso(r.updatedAt),
  version: r.version,
});

export const toApplication = (r: ApplicationRow, reviews: (ReviewRow & { reviewerName: string | null })[], memberId: string | null): Application => ({
  id: r.id,
  boardId: r.boardId,
  reference: r.reference,
  status: r.status,
  locale: r.locale,
  spa: r.spa,
  populations: r.populations,
  languages: r.languages,
  createdAt: iso(r.createdAt),
  version: r.version,
  name: r.name,
  phone: r.phone,
  email: r.email,
  zip: r.zip,
  availability: r.availability,
  accessibilityNeeds: r.accessibilityNeeds,
  accessibilityNotes: r.accessibilityNotes,
  stipendMethod: r.stipendMethod,
  answers: r.answers,
  reviews: reviews.map(toReview),
  decisionMessage: r.decisionMessage,
  decidedAt: r.decidedAt ? iso(r.decidedAt) : null,
  memberId,
});

export const toMember = (r: MemberRow, acknowledgedCurrentCharter: boolean): Member => ({
  id: r.id,
  boardId: r.boardId,
  applicationId: r.applicationId,
  name: r.name,
  phone: r.phone,
  email: r.email,
  seat: r.seat,
  role: r.role,
  termStart: r.termStart,
  termEnd: r.termEnd,
  status: r.status,
  renewals: r.renewals,
  exitReason: r.exitReason,
  acknowledgedCurrentCharter,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  version: r.version,
});
