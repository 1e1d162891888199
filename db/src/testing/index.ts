export * from './template-db';
export * from './factories';
export * from './referral-factories';
export * from './directory-factories';
export * from './engagement-factories';
export * from './board-factories';
export * from './board-budget-factories';
