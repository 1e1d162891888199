/** Name parts for fictional people (contacts and CBO accounts). */
export const FIRST_NAMES = [
  'Maria', 'Jose', 'Guadalupe', 'Luis', 'Carmen', 'Miguel', 'Rosa', 'Alejandro', 'Veronica', 'Jorge',
  'Keisha', 'Marcus', 'Tanisha', 'Darnell', 'Aaliyah', 'Andre', 'Jasmine', 'Terrence', 'Monique', 'Malik',
  'Min-ji', 'Joon', 'Wei', 'Mei', 'Thanh', 'Linh', 'Sokha', 'Dara', 'Ani', 'Armen', 'Narine', 'Hovik',
  'Maricel', 'Ramon', 'Kenji', 'Yuki', 'Sarah', 'David', 'Emily', 'Michael', 'Rachel', 'Daniel',
  'Leila', 'Omid', 'Natalia', 'Dmitri', 'Esperanza', 'Rigoberto', 'Imani', 'Xavier',
];

export const LAST_NAMES = [
  'Garcia', 'Hernandez', 'Lopez', 'Martinez', 'Ramirez', 'Flores', 'Gonzalez', 'Castillo', 'Mendoza', 'Reyes',
  'Washington', 'Jackson', 'Robinson', 'Harris', 'Brooks', 'Coleman', 'Bell', 'Freeman', 'Booker', 'Wright',
  'Kim', 'Park', 'Lee', 'Chen', 'Wong', 'Nguyen', 'Tran', 'Pham', 'Chhay', 'Sok',
  'Petrosyan', 'Hakobyan', 'Sarkisian', 'Santos', 'Dela Cruz', 'Tanaka', 'Nakamura', 'Cohen', 'Miller', 'Sullivan',
  'Rahimi', 'Karimi', 'Volkov', 'Ortega', 'Ibarra', 'Okafor', 'Ellison',
];

export const CONTACT_TITLES = {
  referral: ['Intake Coordinator', 'Referral Coordinator', 'Program Manager', 'Case Management Supervisor', 'Navigator Lead'],
  leader: ['Executive Director', 'Director of Programs', 'Deputy Director', 'Associate Director'],
  service: ['Program Coordinator', 'Clinical Supervisor', 'Site Manager', 'Outreach Lead'],
};
