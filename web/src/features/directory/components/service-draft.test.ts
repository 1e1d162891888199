import type { ServiceDetail } from '@tandem/contract';
import { inLocale } from './labels';
import { toBody, toDraft } from './service-draft';

describe('Spanish service texts (issue 24)', () => {
  it('are shown to Spanish users when the service has them, else the English ones', () => {
    expect(inLocale('es', 'Food Pantry', 'Despensa de Alimentos')).toBe('Despensa de Alimentos');
    expect(inLocale('en', 'Food Pantry', 'Despensa de Alimentos')).toBe('Food Pantry');
    expect(inLocale('es', 'Food Pantry', null)).toBe('Food Pantry');
    expect(inLocale('es', null, '')).toBeNull();
  });

  it('are edited beside the English ones: the form keeps them, and a cleared one is sent as null', () => {
    const service = {
      name: 'Food Pantry', description: 'Weekly groceries', eligibility: null, nameEs: 'Despensa', descriptionEs: 'Víveres cada semana', eligibilityEs: null,
      fees: null, applicationProcess: null, url: null, email: null, phone: null, minAge: null, maxAge: null,
      categories: ['food-insecurity'], focusPopulations: [], languages: ['en', 'es'], spas: ['spa6'], status: 'active', communitySupport: null,
    } as unknown as ServiceDetail;
    const draft = toDraft(service);
    expect(draft).toMatchObject({ nameEs: 'Despensa', descriptionEs: 'Víveres cada semana', eligibilityEs: '' });
    expect(toBody({ ...draft, nameEs: '  ', eligibilityEs: ' Familias ' }, 3)).toMatchObject({
      name: 'Food Pantry', nameEs: null, descriptionEs: 'Víveres cada semana', eligibilityEs: 'Familias', version: 3,
    });
  });
});
