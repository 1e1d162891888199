import { isNearPoint, ServiceSearchQuerySchema } from './schemas';

describe('isNearPoint', () => {
  it('takes lat,lng on the earth, both ends included', () => {
    for (const v of ['34.0522,-118.2437', '90,180', '-90,-180', '0,0']) expect(isNearPoint(v)).toBe(true);
  });
  it('refuses points off the earth and other formats', () => {
    for (const v of ['34.05,-300', '95,-118.25', '-90.5,10', '0,180.01', '34.05', 'here', '34.05, -118.2', '']) expect(isNearPoint(v)).toBe(false);
  });
  it('is what the search query schema checks', () => {
    expect(ServiceSearchQuerySchema.safeParse({ near: '34.05,-118.25' }).success).toBe(true);
    expect(ServiceSearchQuerySchema.safeParse({ near: '34.05,-300' }).success).toBe(false);
  });
});
