import { newOrg, newService, newClient, newConsent } from '@tandem/db/testing';
import { member, type Call, type TestApp } from '../../testing/app';

/**
 * A clinic whose CHW refers a client (with consent) to a CBO's food service, and an unrelated
 * organization. Every test builds its own.
 */
export const world = async (t: TestApp) => {
  const clinic = await newOrg(t.db, { name: 'Eastside Clinic', type: 'clinic' });
  const cbo = await newOrg(t.db, { name: 'Boyle Heights Pantry', type: 'cbo' });
  const other = await newOrg(t.db, { name: 'Westside Shelter', type: 'cbo' });
  const service = await newService(t.db, cbo.id, { ackSlaHours: 8, firstContactSlaHours: 24 });
  const chw = await member(t, clinic, 'staff', 'Carla CHW');
  const cboStaff = await member(t, cbo, 'staff', 'Pat Pantry');
  const client = await newClient(t.db, clinic);
  const consent = await newConsent(t.db, client);
  /** A complete draft from the clinic to the CBO, created through the API. */
  const draft = async (over: Record<string, unknown> = {}, as: Call = chw.call) => {
    const res = await as('POST', '/api/v1/referrals', {
      clientId: client.id,
      receivingOrganizationId: cbo.id,
      receivingServiceId: service.id,
      needs: ['food-insecurity'],
      reason: 'Family of four; food runs out mid-month',
      senderContactPhone: '(323) 555-0199',
      ...over,
    });
    if (res.status !== 201) throw new Error(`draft: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; status: string };
  };
  /** A draft, sent. */
  const sent = async (over: Record<string, unknown> = {}) => {
    const d = await draft(over);
    const res = await chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version });
    if (res.status !== 200) throw new Error(`send: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; status: string };
  };
  return { clinic, cbo, other, service, chw, cboStaff, client, consent, draft, sent };
};
export type World = Awaited<ReturnType<typeof world>>;
