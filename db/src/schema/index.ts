export * from './accounts';
export * from './directory';
export * from './referrals';
export * from './notifications';
export * from './boards';
