export * from './template-db';
export * from './factories';
