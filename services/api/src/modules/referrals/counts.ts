import { sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';

const { referrals } = schema;

/**
 * How many referrals an organization has received (sent to it: not drafts, not entered in
 * error): the directory shows it as evidence for a partnership (issue 25). A count only.
 */
export const referralsReceivedCount = async (db: DbOrTx, organizationId: string): Promise<number> => {
  const res = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from ${referrals} where ${referrals.receivingOrgId} = ${organizationId} and ${referrals.sentAt} is not null and ${referrals.status} not in ('draft', 'entered_in_error')`,
  );
  return res.rows[0]?.n ?? 0;
};
