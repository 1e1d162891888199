import type { FastifyInstance } from 'fastify';
import { fhirRoutes } from './routes';
import { createFhirService, type FhirDeps } from './service';

export type FhirModuleOptions = Omit<FhirDeps, 'db'>;

/**
 * A FHIR R4 facade (HL7 SDOH Clinical Care IG) over referrals, clients and the directory, under
 * /fhir. Registered with its own prefix so that its errors (OperationOutcome) and unknown paths
 * stay its own; every read and change goes through the other modules' index.ts.
 */
export const fhirModule = async (app: FastifyInstance, opts: FhirModuleOptions) => {
  await app.register(
    async (f) => {
      fhirRoutes(f, createFhirService({ db: app.db, ...opts }));
    },
    { prefix: '/fhir' },
  );
};
