import type { Spa } from '../types';

export interface Place {
  street: string;
  city: string;
  postalCode: string;
  lat: number;
  lng: number;
}

/** Real street names and neighborhoods, with approximate coordinates, by SPA; street numbers are drawn. */
export const PLACES: Record<Spa, Place[]> = {
  spa1: [
    { street: 'W Avenue I', city: 'Lancaster', postalCode: '93534', lat: 34.6979, lng: -118.1402 },
    { street: 'Sierra Hwy', city: 'Lancaster', postalCode: '93535', lat: 34.6868, lng: -118.1185 },
    { street: 'W Lancaster Blvd', city: 'Lancaster', postalCode: '93534', lat: 34.6981, lng: -118.1366 },
    { street: 'Palmdale Blvd', city: 'Palmdale', postalCode: '93550', lat: 34.5794, lng: -118.1165 },
    { street: 'E Avenue Q', city: 'Palmdale', postalCode: '93550', lat: 34.5962, lng: -118.1021 },
    { street: 'W Rancho Vista Blvd', city: 'Palmdale', postalCode: '93551', lat: 34.6105, lng: -118.1545 },
  ],
  spa2: [
    { street: 'Van Nuys Blvd', city: 'Van Nuys', postalCode: '91405', lat: 34.1867, lng: -118.4487 },
    { street: 'Sherman Way', city: 'Van Nuys', postalCode: '91406', lat: 34.2011, lng: -118.4766 },
    { street: 'Lankershim Blvd', city: 'North Hollywood', postalCode: '91601', lat: 34.1722, lng: -118.3789 },
    { street: 'Laurel Canyon Blvd', city: 'Pacoima', postalCode: '91331', lat: 34.2621, lng: -118.4269 },
    { street: 'San Fernando Rd', city: 'San Fernando', postalCode: '91340', lat: 34.2819, lng: -118.439 },
    { street: 'N Brand Blvd', city: 'Glendale', postalCode: '91203', lat: 34.1522, lng: -118.255 },
  ],
  spa3: [
    { street: 'E Colorado Blvd', city: 'Pasadena', postalCode: '91101', lat: 34.1459, lng: -118.1405 },
    { street: 'N Fair Oaks Ave', city: 'Pasadena', postalCode: '91103', lat: 34.1603, lng: -118.1503 },
    { street: 'Valley Blvd', city: 'El Monte', postalCode: '91731', lat: 34.0722, lng: -118.0273 },
    { street: 'W Main St', city: 'Alhambra', postalCode: '91801', lat: 34.0953, lng: -118.132 },
    { street: 'Garvey Ave', city: 'Rosemead', postalCode: '91770', lat: 34.0627, lng: -118.0826 },
    { street: 'Ramona Blvd', city: 'Baldwin Park', postalCode: '91706', lat: 34.0853, lng: -117.9609 },
  ],
  spa4: [
    { street: 'S San Pedro St', city: 'Los Angeles', postalCode: '90013', lat: 34.0432, lng: -118.2452 },
    { street: 'N Broadway', city: 'Los Angeles', postalCode: '90012', lat: 34.0636, lng: -118.2378 },
    { street: 'Wilshire Blvd', city: 'Los Angeles', postalCode: '90010', lat: 34.0618, lng: -118.301 },
    { street: 'S Alvarado St', city: 'Los Angeles', postalCode: '90057', lat: 34.062, lng: -118.277 },
    { street: 'Hollywood Blvd', city: 'Los Angeles', postalCode: '90028', lat: 34.1016, lng: -118.3267 },
    { street: 'E Cesar E Chavez Ave', city: 'Los Angeles', postalCode: '90033', lat: 34.048, lng: -118.2105 },
    { street: 'W Temple St', city: 'Los Angeles', postalCode: '90026', lat: 34.07, lng: -118.265 },
  ],
  spa5: [
    { street: 'Pico Blvd', city: 'Santa Monica', postalCode: '90405', lat: 34.0224, lng: -118.4702 },
    { street: 'Washington Blvd', city: 'Culver City', postalCode: '90232', lat: 34.0192, lng: -118.3965 },
    { street: 'Lincoln Blvd', city: 'Venice', postalCode: '90291', lat: 33.9925, lng: -118.4631 },
    { street: 'Santa Monica Blvd', city: 'Los Angeles', postalCode: '90025', lat: 34.0452, lng: -118.4468 },
    { street: 'Venice Blvd', city: 'Los Angeles', postalCode: '90066', lat: 34.003, lng: -118.4302 },
  ],
  spa6: [
    { street: 'S Vermont Ave', city: 'Los Angeles', postalCode: '90037', lat: 34.0029, lng: -118.2918 },
    { street: 'S Central Ave', city: 'Los Angeles', postalCode: '90011', lat: 34.0075, lng: -118.2565 },
    { street: 'E 103rd St', city: 'Los Angeles', postalCode: '90002', lat: 33.9434, lng: -118.2461 },
    { street: 'Florence Ave', city: 'Los Angeles', postalCode: '90001', lat: 33.9745, lng: -118.2492 },
    { street: 'E Compton Blvd', city: 'Compton', postalCode: '90220', lat: 33.8958, lng: -118.2201 },
    { street: 'Crenshaw Blvd', city: 'Los Angeles', postalCode: '90008', lat: 34.011, lng: -118.3353 },
    { street: 'W Manchester Ave', city: 'Los Angeles', postalCode: '90044', lat: 33.96, lng: -118.292 },
  ],
  spa7: [
    { street: 'Whittier Blvd', city: 'East Los Angeles', postalCode: '90022', lat: 34.0236, lng: -118.1563 },
    { street: 'Greenleaf Ave', city: 'Whittier', postalCode: '90602', lat: 33.9717, lng: -118.0335 },
    { street: 'Firestone Blvd', city: 'Norwalk', postalCode: '90650', lat: 33.913, lng: -118.082 },
    { street: 'Pacific Blvd', city: 'Huntington Park', postalCode: '90255', lat: 33.9816, lng: -118.225 },
    { street: 'Whittier Blvd', city: 'Pico Rivera', postalCode: '90660', lat: 33.9885, lng: -118.0891 },
    { street: 'Florence Ave', city: 'Bell Gardens', postalCode: '90201', lat: 33.968, lng: -118.156 },
  ],
  spa8: [
    { street: 'Long Beach Blvd', city: 'Long Beach', postalCode: '90813', lat: 33.7832, lng: -118.1893 },
    { street: 'E Anaheim St', city: 'Long Beach', postalCode: '90813', lat: 33.7823, lng: -118.179 },
    { street: 'Avalon Blvd', city: 'Carson', postalCode: '90745', lat: 33.8314, lng: -118.2637 },
    { street: 'S Pacific Ave', city: 'San Pedro', postalCode: '90731', lat: 33.7381, lng: -118.288 },
    { street: 'W Carson St', city: 'Torrance', postalCode: '90501', lat: 33.8313, lng: -118.3122 },
    { street: 'S Market St', city: 'Inglewood', postalCode: '90301', lat: 33.9617, lng: -118.3531 },
    { street: 'Avalon Blvd', city: 'Wilmington', postalCode: '90744', lat: 33.781, lng: -118.2625 },
  ],
};

export const TRANSIT: Record<Spa, string[]> = {
  spa1: ['Antelope Valley Transit Authority bus stop in front of the building.', 'Metrolink Lancaster station, 10 minutes on foot.'],
  spa2: ['Metro G Line (Orange) station two blocks away.', 'Metro Rapid bus stop at the corner.'],
  spa3: ['Metro A Line station, 10 minutes on foot.', 'Foothill Transit and Metro bus stops on the corner.'],
  spa4: ['Metro B/D Line station three blocks away.', 'DASH and Metro bus stops at the corner.'],
  spa5: ['Big Blue Bus stop half a block away.', 'Metro E Line station, 10 minutes on foot.'],
  spa6: ['Metro J Line (Silver) and local bus stops nearby.', 'Metro A Line station, 12 minutes on foot.'],
  spa7: ['Metro bus stops on the boulevard; Montebello Bus Lines nearby.', 'Metro E Line station, 15 minutes by bus.'],
  spa8: ['Long Beach Transit stop on the corner.', 'Torrance Transit and Metro bus stops nearby.'],
};

export const ACCESSIBILITY = [
  'Wheelchair accessible entrance and restrooms; free parking in the rear lot.',
  'Ground-floor entrance with ramp; accessible restroom; street parking only.',
  'Elevator to the second floor; service animals welcome.',
  'Step-free entrance; interpreters available on request; quiet room for families.',
  'Accessible entrance on the side street; limited parking, two disabled spaces.',
  'Wheelchair accessible; ASL interpretation by appointment.',
];

/** Telephone area code by SPA, for fictional 555-01xx numbers. */
export const AREA_CODES: Record<Spa, string[]> = {
  spa1: ['661'],
  spa2: ['818', '747'],
  spa3: ['626'],
  spa4: ['213', '323'],
  spa5: ['310', '424'],
  spa6: ['323', '213'],
  spa7: ['562', '323'],
  spa8: ['562', '310'],
};
