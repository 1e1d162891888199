import { SPAS, type Spa } from '@tandem/contract';

const spaByCode = new Map(SPAS.map((s) => [s.code as string, s]));

/** "SPA 4 · Metro": proper names, the same in every language. */
export const spaLabel = (code: Spa) => {
  const spa = spaByCode.get(code);
  return spa ? `SPA ${spa.number} · ${spa.name}` : code;
};
export const spaShort = (code: Spa) => `SPA ${spaByCode.get(code)?.number ?? code}`;
