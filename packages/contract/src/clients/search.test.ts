import { parseClientSearch } from './search';

describe('parseClientSearch', () => {
  it.each([
    ['Ro', { names: ['Ro'], dateOfBirth: null, phoneDigits: null }],
    ['  Garc ', { names: ['Garc'], dateOfBirth: null, phoneDigits: null }],
    ['maría garc', { names: ['maría', 'garc'], dateOfBirth: null, phoneDigits: null }],
    ['Rosa G', { names: ['Rosa', 'G'], dateOfBirth: null, phoneDigits: null }],
    ['1984-06-02', { names: [], dateOfBirth: '1984-06-02', phoneDigits: null }],
    ['Garc 1984-06-02', { names: ['Garc'], dateOfBirth: '1984-06-02', phoneDigits: null }],
    ['(323) 555-0100', { names: [], dateOfBirth: null, phoneDigits: '3235550100' }],
    ['+1 323.555.0100', { names: [], dateOfBirth: null, phoneDigits: '3235550100' }],
    ['0100', { names: [], dateOfBirth: null, phoneDigits: '0100' }],
  ])('reads %j', (q, terms) => {
    expect(parseClientSearch(q)).toEqual(terms);
  });

  it.each(['R', 'é', '12', '555', '', '  '])('finds nothing searchable in %j', (q) => {
    expect(parseClientSearch(q)).toBeNull();
  });
});
