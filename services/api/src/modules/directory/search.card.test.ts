import { greatCircleM, hitLocation } from './search.card';

const site = (id: string, latitude: number | null, longitude: number | null) => ({ id, name: id, address1: '1 Main St', city: 'Los Angeles', spa: 'spa4', latitude, longitude });
const DOWNTOWN = { lat: 34.05, lng: -118.25 };

describe('greatCircleM', () => {
  it('is zero for one point and the quarter circumference of the earth sphere from the pole to the equator', () => {
    expect(greatCircleM(DOWNTOWN, DOWNTOWN)).toBe(0);
    expect(greatCircleM({ lat: 90, lng: 0 }, { lat: 0, lng: 40 })).toBeCloseTo((Math.PI / 2) * 6_378_168, 3);
  });
});

describe('hitLocation', () => {
  it('picks the nearest site with coordinates and gives its distance in km to 10 m', () => {
    const far = site('far', 34.7, -118.15);
    const near = site('near', 34.06, -118.25);
    const loc = hitLocation([far, site('nowhere', null, null), near], DOWNTOWN);
    expect(loc).toEqual({ ...near, distanceKm: 1.11 });
  });

  it('keeps the first of equally near sites (card order: name, then id)', () => {
    expect(hitLocation([site('b', 34.06, -118.25), site('a', 34.06, -118.25)], DOWNTOWN)?.id).toBe('b');
  });

  it('shows the first site without a distance when there is no point or no site has coordinates', () => {
    const sites = [site('first', 34.7, -118.15), site('second', 34.06, -118.25)];
    expect(hitLocation(sites, undefined)).toEqual({ ...sites[0], distanceKm: null });
    expect(hitLocation([site('x', null, null)], DOWNTOWN)).toEqual({ ...site('x', null, null), distanceKm: null });
    expect(hitLocation([], DOWNTOWN)).toBeNull();
  });
});
