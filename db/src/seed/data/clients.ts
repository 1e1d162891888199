import type { Language } from '../types';

/**
 * Name parts for fictional clients, grouped so first, middle and family names go together, each
 * with the preferred languages typical of the group (weighted). Weights follow the safety-net
 * population of LA County: mostly Latino, many Spanish-speaking.
 */
export interface ClientNameGroup {
  first: string[];
  middle: string[];
  last: string[];
  languages: (readonly [Language, number])[];
  weight: number;
}

export const CLIENT_NAME_GROUPS: ClientNameGroup[] = [
  {
    first: [
      'Guadalupe', 'Juan', 'Maria', 'Jose', 'Rosa', 'Francisco', 'Leticia', 'Javier', 'Araceli', 'Armando', 'Blanca', 'Ruben',
      'Yolanda', 'Ernesto', 'Socorro', 'Alma', 'Ricardo', 'Marisol', 'Efrain', 'Dolores', 'Luz', 'Santiago', 'Itzel', 'Brenda',
    ],
    middle: ['Isabel', 'Antonio', 'del Carmen', 'Luis', 'Elena', 'Alberto', 'Guadalupe'],
    last: [
      'Garcia', 'Hernandez', 'Lopez', 'Martinez', 'Rodriguez', 'Gonzalez', 'Perez', 'Sanchez', 'Ramirez', 'Torres', 'Flores', 'Rivera',
      'Gomez', 'Diaz', 'Cruz', 'Morales', 'Reyes', 'Gutierrez', 'Ortiz', 'Chavez', 'Vasquez', 'Castro', 'Jimenez', 'Aguilar',
    ],
    languages: [
      ['es', 72],
      ['en', 28],
    ],
    weight: 52,
  },
  {
    first: ['Latasha', 'Derrick', 'Shanice', 'Tyrone', 'Kiara', 'Reginald', 'Ebony', 'Cedric', 'Destiny', 'Lamar', 'Tamika', 'Andre', 'Brianna', 'Curtis'],
    middle: ['Marie', 'Lee', 'Ann', 'James', 'Renee', 'Dwayne'],
    last: ['Johnson', 'Williams', 'Jackson', 'Thomas', 'Robinson', 'Walker', 'Harris', 'Moore', 'Young', 'Carter', 'Mitchell', 'Bryant'],
    languages: [['en', 100]],
    weight: 20,
  },
  {
    first: ['Mei', 'Wei', 'Xiu', 'Hao', 'Ji-woo', 'Soo-jin', 'Dong-hyun', 'Hoa', 'Minh', 'Lan', 'Tuan', 'Yuko'],
    middle: [],
    last: ['Chen', 'Wang', 'Zhang', 'Liu', 'Kim', 'Park', 'Lee', 'Nguyen', 'Tran', 'Le', 'Pham', 'Yamamoto'],
    languages: [
      ['zh', 30],
      ['ko', 25],
      ['vi', 25],
      ['en', 15],
      ['ja', 5],
    ],
    weight: 11,
  },
  {
    first: ['Maribel', 'Rogelio', 'Cristina', 'Danilo', 'Lorna', 'Arnel'],
    middle: ['Santos', 'Reyes'],
    last: ['Bautista', 'Mendoza', 'Aquino', 'Ramos', 'Castillo', 'Dela Cruz'],
    languages: [
      ['tl', 45],
      ['en', 55],
    ],
    weight: 5,
  },
  {
    first: ['Anahit', 'Gevorg', 'Siranush', 'Karen', 'Mariam', 'Tigran'],
    middle: [],
    last: ['Grigoryan', 'Harutyunyan', 'Manukyan', 'Vardanyan', 'Mkrtchyan'],
    languages: [
      ['hy', 70],
      ['en', 30],
    ],
    weight: 4,
  },
  {
    first: ['Channary', 'Sopheap', 'Rithy', 'Bopha'],
    middle: [],
    last: ['Chea', 'Prak', 'Heng', 'Lim'],
    languages: [
      ['km', 65],
      ['en', 35],
    ],
    weight: 3,
  },
  {
    first: ['Farah', 'Reza', 'Svetlana', 'Igor', 'Nadia', 'Amir', 'Jennifer', 'Robert', 'Linda', 'Kevin', 'Ashley', 'Brian'],
    middle: ['Marie', 'Ann', 'Michael', 'Lynn'],
    last: ['Hosseini', 'Tehrani', 'Ivanova', 'Petrov', 'Haddad', 'Smith', 'Anderson', 'Miller', 'Davis', 'Thompson', 'Wilson'],
    languages: [
      ['en', 62],
      ['fa', 14],
      ['ru', 12],
      ['ar', 7],
      ['asl', 5],
    ],
    weight: 5,
  },
];

export const PRONOUNS: (readonly [string | null, number])[] = [
  [null, 40],
  ['she/her', 28],
  ['he/him', 26],
  ['they/them', 5],
  ['she/they', 1],
];

export const CONTACT_TIMES = [
  'Weekday mornings before 11',
  'After 3 pm on weekdays',
  'Evenings after 6',
  'Any time; works nights so mornings may go to voicemail',
  'Tuesdays and Thursdays',
  'Weekends only',
  'Between 10 and 2; picks up kids after',
  null,
  null,
] as const;

/** Safe-contact notes: mostly about how (not) to reach someone. */
export const SAFE_CONTACT_NOTES = [
  'Do not leave voicemail mentioning the program name; shares phone with partner.',
  'Text only. Do not call; partner checks the phone.',
  'Use the cousin’s number if unreachable: ask for “Lupe”. Do not give details to anyone else.',
  'Mail to the clinic address, not home.',
  'Lives in a shelter with shared phone; ask for the client by first name only.',
  'Hard of hearing: text or in person with captioning.',
  'Prefers contact through the sending case manager.',
  'Do not contact at work.',
];

/** Clinic staff who witness verbal consents (fictional). */
export const WITNESSES = [
  'Teresa Villalobos, CHW',
  'Kwame Asante, RN',
  'Diana Ruiz, Medical Assistant',
  'Paul Okonkwo, Social Worker',
  'Ivette Salas, Navigator',
  'Hannah Cho, LCSW',
];

/** Languages a consent form is printed in; others are read aloud in English with an interpreter. */
export const CONSENT_FORM_LANGUAGES: readonly Language[] = ['en', 'es', 'zh', 'ko', 'vi', 'tl', 'hy', 'km', 'ru', 'fa', 'ar'];

export const EMAIL_DOMAINS = ['mail.example', 'inbox.example', 'correo.example'];
