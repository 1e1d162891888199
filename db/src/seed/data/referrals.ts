import type { ClosureReason, ReferralStatus, SdohCategory, Urgency } from '@tandem/contract';

/** Where the health system's referrals start (real facility names; every referral is fictional). */
export const FACILITIES = [
  'LAC+USC Medical Center',
  'Harbor-UCLA Medical Center',
  'Olive View-UCLA Medical Center',
  'Rancho Los Amigos',
  'MLK Outpatient Center',
  'High Desert Regional Health Center',
  'H. Claude Hudson Comprehensive Health Center',
  'Edward R. Roybal Comprehensive Health Center',
];

export interface ReasonSlots {
  /** Client's first name. */
  first: string;
  facility: string;
  /** A recent date as M/D. */
  date: string;
}

type Reason = (s: ReasonSlots) => string;

/** Referral reasons by the first need; written the way a CHW or case manager would. */
export const REASONS: Partial<Record<SdohCategory, Reason[]>> = {
  'food-insecurity': [
    (s) => `Client was discharged from ${s.facility} on ${s.date} with new type 2 diabetes diagnosis; food runs out the last week of the month. Needs pantry access and diabetic-friendly food.`,
    (s) => `${s.first} screened positive for food insecurity at the ${s.date} visit (Hunger Vital Sign). Family of 5, one income. Requesting pantry enrollment.`,
    (s) => `CHF patient, low-sodium diet ordered at discharge from ${s.facility} on ${s.date}. Cannot afford groceries after rent. Medically tailored meals if eligible.`,
    () => `Client's CalFresh was cut off after a missed recertification; needs emergency food while it is reinstated.`,
    (s) => `Pregnant (28 weeks), gestational diabetes. ${s.first} skips meals so the kids can eat. Needs produce and pantry.`,
  ],
  'housing-instability': [
    (s) => `Client received a 3-day notice on ${s.date}; owes two months' rent after hours were cut. Needs rental assistance and tenant counseling.`,
    (s) => `${s.first} is staying with a sister temporarily after discharge from ${s.facility}; can stay until end of month. Needs housing navigation.`,
    () => `Has a voucher but no deposit; landlord holding the unit until Friday. Requesting deposit assistance.`,
  ],
  homelessness: [
    (s) => `Client was discharged from ${s.facility} on ${s.date} after cellulitis treatment; sleeping in car. Needs interim housing and wound-care follow-up.`,
    (s) => `${s.first} has been unsheltered near the clinic for ~6 months; agreed today to housing navigation. Has ID, no income documents yet.`,
    () => `Recently evicted, staying in a shelter bed that ends this week. Working part-time. Needs housing navigation and a coordinated entry assessment.`,
  ],
  'inadequate-housing': [
    (s) => `Child with persistent asthma, 3 ED visits since ${s.date}; mold and cockroaches in the apartment. Needs home assessment and landlord advocacy.`,
    () => `Landlord has not fixed the heater or the leaking ceiling in 4 months; client has COPD. Requesting medical-legal help.`,
  ],
  'incarceration-status': [
    (s) => `Client released from county jail on ${s.date}; seen at ${s.facility} for medication continuity. Needs reentry case management, ID and benefits.`,
    () => `On probation, wants to clear an old conviction to qualify for a warehouse job. Requesting record clearance and job support.`,
    (s) => `${s.first} paroled last month, staying with an aunt. Needs peer mentor and help with housing; motivated, keeps appointments.`,
  ],
  'employment-status': [
    () => `Lost warehouse job after back injury; cleared for light duty. Wants retraining and job placement.`,
    (s) => `${s.first} is 19, finished high school, no work history. Interested in healthcare careers (CNA/MA).`,
  ],
  'financial-insecurity': [
    () => `Behind on utilities and rent after medical leave; SSI application denied twice. Needs benefits advocacy and financial coaching.`,
    (s) => `Client has large hospital bills from ${s.facility} and no Medi-Cal renewal on file; needs enrollment help and budgeting.`,
  ],
  'health-insurance-coverage-status': [
    (s) => `Medi-Cal terminated at the last renewal; ${s.first} is on insulin and has 2 weeks of supply left. Needs re-enrollment help urgently.`,
    () => `Newly arrived, eligible for restricted-scope Medi-Cal; needs enrollment help in Spanish.`,
    () => `Uninsured, uncontrolled hypertension, no primary care. Requesting enrollment and assignment to a clinic.`,
  ],
  'transportation-insecurity': [
    (s) => `Dialysis 3x/week at a center 9 miles away; ${s.first} missed 4 sessions this month for lack of rides. Needs recurring medical transportation.`,
    () => `Uses a walker, cannot take the bus to oncology appointments. Requesting door-to-door rides.`,
  ],
  stress: [
    (s) => `PHQ-9 of 16 at the ${s.date} visit; ${s.first} lost a spouse this year and is not sleeping. Open to counseling in Spanish.`,
    () => `Anxiety and panic attacks since an assault; declined psychiatry but agreed to talk therapy.`,
    (s) => `Postpartum, EPDS 14. ${s.first} wants support but cannot leave the baby; telehealth or home visits preferred.`,
  ],
  'social-connection': [
    () => `Lives alone, recently widowed; PCP worried about isolation and missed meals. Interested in a senior center and meals.`,
    (s) => `First pregnancy, no family nearby. ${s.first} would like a doula and a parenting group.`,
  ],
  'intimate-partner-violence': [
    () => `Disclosed IPV at today's visit; partner controls the phone. Safety plan started. Needs advocacy and possibly shelter. Use safe-contact notes.`,
    () => `Client wants a restraining order and help relocating; has two children. Do not call the home number.`,
  ],
  'elder-abuse': [() => `Neighbor reports the client's grandson takes her SSI check; client is 81 and afraid to report. Needs elder-abuse advocacy.`],
  'personal-health-literacy': [
    (s) => `First pregnancy at 17, missed two prenatal visits since ${s.date}. Needs prenatal education and home visiting.`,
    () => `New breastfeeding mother struggling with latch; baby lost 9% of birth weight. Needs lactation support this week.`,
  ],
  'material-hardship': [() => `Newborn twins, family out of diapers and formula until payday. Needs diaper bank and WIC connection.`],
  'utility-insecurity': [(s) => `Shut-off notice received ${s.date}; client uses a home oxygen concentrator. Needs utility assistance urgently.`],
  'digital-literacy': [() => `Wants to use telehealth and the patient portal but has never used email. Requesting digital skills class.`],
  'educational-attainment': [() => `Client wants to finish a GED to qualify for a better job; evenings only.`],
  'language-access': [() => `Immigration paperwork pending; client needs legal help in Spanish and is worried about public charge.`],
};

/** What a CBO asks of the health system, with the needs recorded. */
export const TO_HEALTH_SYSTEM: { needs: SdohCategory[]; reason: (s: ReasonSlots) => string; urgency?: Urgency }[] = [
  { needs: ['health-insurance-coverage-status'], reason: (s) => `${s.first} has no primary care provider and runs out of blood pressure medication often. Requesting a new-patient appointment and Medi-Cal check.` },
  { needs: ['personal-health-literacy'], reason: () => `Client came to the pantry with very high sugars per home meter and blurred vision; asked for help getting seen. Requesting diabetes care follow-up.` },
  { needs: ['stress'], reason: () => `Client in our reentry program disclosed depression and thoughts of not wanting to be here (no plan). Requesting behavioral health intake.`, urgency: 'urgent' },
  { needs: ['medical-cost-burden'], reason: () => `Client skipping insulin because of cost; has Medi-Cal but no pharmacy access near home. Requesting pharmacy and care coordination.` },
  { needs: ['homelessness', 'health-insurance-coverage-status'], reason: (s) => `${s.first} staying in our interim housing has an open foot wound that is getting worse. Requesting clinic visit this week.`, urgency: 'urgent' },
  { needs: ['personal-health-literacy'], reason: () => `Pregnant client (about 12 weeks) with no prenatal care yet. Requesting OB intake.` },
];

/** Notes for closing states, by reason. */
export const CLOSURE_NOTES: Partial<Record<ClosureReason, string[]>> = {
  not_eligible: ['Outside our income limits; gave client a list of other pantries.', 'Program is for ages 60+; client is 52.', 'Needs a Medi-Cal plan we do not contract with.'],
  no_capacity: ['Waitlist is closed until next month.', 'All beds full this week; please try the interim housing line.', 'Case managers at capacity until January.'],
  client_unreachable: ['Called 3 times over 10 days and sent a text; number out of service.', 'Four attempts, no answer, voicemail full.', 'Letter returned undeliverable; phone disconnected.'],
  client_declined: ['Client said they no longer need help; found work.', 'Client prefers a program closer to home.', 'Client declined at intake after hearing the schedule.'],
  out_of_area: ['Client lives in Orange County; referred to a local pantry.', 'Address is outside our service area (SPA 1 only).'],
  duplicate: ['Client is already enrolled with us through another referral.', 'Same client was referred last week by the clinic; merged.'],
  referred_elsewhere: ['Their program is a better fit for this need; forwarded with client’s OK.', 'We do not do deposits; forwarding to a partner that does.'],
  other: ['Client moved in with family out of state.', 'Client was hospitalized again; will refer again after discharge.', 'Program paused while we move sites.'],
};

/** Why a referral was cancelled by the sender, in words. */
export const CANCEL_NOTES = [
  'Sent to the wrong program; resending.',
  'Client got services elsewhere before anyone reached out.',
  'Client asked us to hold off for now.',
  'Entered too early: client still inpatient.',
];

export const ON_HOLD_NOTES = [
  'Client in the hospital; resume when discharged.',
  'Waiting on ID documents.',
  'Client traveling for a family emergency; back in 3 weeks.',
  'Waiting for the health plan authorization.',
];

export const COMPLETION_NOTES = [
  'Client enrolled and received services; closing on our side.',
  'Goals met. Client knows to call us again if anything changes.',
  'Services delivered; client declined further follow-up.',
  'Completed intake and first service; client is connected.',
  null,
  null,
] as const;

export const ERROR_NOTES = ['Created for the wrong client.', 'Duplicate entry from a double submit.', 'Test entry made during training.'];

/** A thread is a sender line, a receiver line, and so on; picked in order so it reads like a conversation. */
export const THREADS: { sender: string[]; receiver: string[] }[] = [
  {
    sender: [
      'Hi! Just checking that this came through. {first} is expecting a call this week.',
      'Great, thank you. Mornings are best for {first}.',
      'Perfect. I will let {first} know at the follow-up visit.',
    ],
    receiver: [
      'Got it, thanks. We will call {first} tomorrow.',
      'Noted. Intake is scheduled for Thursday at 10.',
      'Thanks, we will update the referral after intake.',
    ],
  },
  {
    sender: [
      'Is there a waitlist right now? {first} is running out of food before the end of the month.',
      'Does {first} need to bring anything to the first visit?',
      'Thanks so much!',
    ],
    receiver: [
      'No waitlist this week. {first} can come any weekday 8–6.',
      'Just a photo ID and proof of address if they have it; we will not turn anyone away.',
      'Happy to help.',
    ],
  },
  {
    sender: [
      'Following up: were you able to reach {first}? We have a better number: (323) 555-0167.',
      'Any update? The clinic would like to close the loop before the next visit.',
    ],
    receiver: [
      'We tried twice and left voicemails. Will try the new number today.',
      'Reached {first} this morning; appointment set for next week.',
    ],
  },
  {
    sender: [
      'Heads up: {first} prefers texts. Please see the safe-contact note before calling.',
      '{first} just told us they moved in with a cousin in Compton. Same phone.',
    ],
    receiver: [
      'Thank you for flagging. We will text first.',
      'Updated on our side. We have a site closer to that address too.',
    ],
  },
  {
    sender: ['Can you confirm whether {first} qualifies? Household of 4, about $2,400/month.', 'Thanks, I will share that with {first}.'],
    receiver: [
      'They qualify. We will need a pay stub or a self-declaration form at intake.',
      'We can also screen for CalFresh at the same appointment.',
    ],
  },
  {
    sender: ['We have a release of information on file; let me know if you need a copy.', 'Sent over the discharge summary through the portal.'],
    receiver: ['A copy would help for our file, thanks.', 'Received. Our nurse will review before the first visit.'],
  },
];

/** Notes on the first contact event. */
export const FIRST_CONTACT_NOTES = [
  'First contact with the client',
  'Spoke with the client by phone; intake scheduled.',
  'Client walked in with the referral printout.',
  'Texted the client; they called back the same day.',
];

/** Target counts per final status (the forward chains and the duplicate add a few). */
export const STATUS_TARGETS: Record<ReferralStatus, number> = {
  draft: 38,
  sent: 62,
  acknowledged: 55,
  accepted: 70,
  declined: 78,
  in_progress: 120,
  on_hold: 34,
  completed: 270,
  unable_to_complete: 62,
  cancelled: 52,
  entered_in_error: 12,
};
