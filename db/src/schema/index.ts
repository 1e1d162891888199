export * from './accounts';
export * from './directory';
