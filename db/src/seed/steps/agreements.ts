import type { Tx } from '../../client';
import { agreementParties, agreements } from '../../schema';
import { dateFrom, daysFrom, must, type SeedContext } from '../context';
import { AGREEMENTS, type AgreementSpec } from '../data/agreements';
import { count, insertAll } from './util';

const AUTHORS = ['collab@tandem.example', 'admin@tandem.example'];

const agreementRow = (ctx: SeedContext, a: AgreementSpec, index: number): typeof agreements.$inferInsert => {
  const id = ctx.ids.uuid();
  const dated = a.end !== null && (a.status === 'active' || a.status === 'negotiating');
  return {
    id,
    kind: a.kind,
    status: a.status,
    title: a.title,
    startDate: a.start === null ? null : dateFrom(ctx.now, a.start),
    endDate: a.end === null ? null : dateFrom(ctx.now, a.end),
    renewalDue: dated ? dateFrom(ctx.now, a.end! - (a.renewalLead ?? 60)) : null,
    documentUrl: a.status === 'draft' ? null : `https://docs.tandem.example/agreements/${id}.pdf`,
    notes: a.notes ?? null,
    createdBy: must(ctx.users, AUTHORS[index % AUTHORS.length]!, 'user'),
    createdAt: daysFrom(ctx.now, Math.min(a.start ?? -10, 0) - 20),
  };
};

/** MOUs, contracts, BAAs and data-sharing agreements between the health system, the plan and CBOs. */
export const seedAgreements = async (tx: Tx, ctx: SeedContext) => {
  const rows = AGREEMENTS.map((a, i) => agreementRow(ctx, a, i));
  const parties = AGREEMENTS.flatMap((a, i) =>
    a.parties.map((key) => ({ agreementId: rows[i]!.id!, organizationId: must(ctx.orgs, key, 'organization') })),
  );
  count(ctx, 'agreements', await insertAll(tx, agreements, rows));
  count(ctx, 'agreementParties', await insertAll(tx, agreementParties, parties));
};
