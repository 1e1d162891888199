export * from './accounts';
export * from './directory';
export * from './referrals';
