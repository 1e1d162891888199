export { copyField, copyRows, type CopyValue } from './copy';
export { generateDirectory, type DirectoryCounts, type DirectorySize } from './directory';
export { toRawQuery } from './raw';
export { generateAuditRows, type AuditRowsOptions } from './audit';
