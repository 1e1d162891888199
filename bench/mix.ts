/** The mixed workload's operations and their shares (%), read by the load script and the bench's flags. */
export const MIX = {
  inbox: 35,
  'referral read': 15,
  search: 15,
  'client lookup': 10,
  'status change': 8,
  'create+send': 5,
  messages: 7,
  notifications: 5,
} as const;
export type OpName = keyof typeof MIX;
