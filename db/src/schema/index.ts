export * from './accounts';
export * from './directory';
export * from './referrals';
export * from './notifications';
export * from './gaps';
export * from './webhooks';
export * from './engagement';
export * from './boards';
